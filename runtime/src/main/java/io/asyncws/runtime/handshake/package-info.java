/**
 * The HTTP/1.1 opening handshake of RFC 6455 §4, both roles, as byte and string code without
 * sockets: the NIO transport reads and writes, this package decides.
 *
 * <p>A server connection:
 *
 * <pre>{@code
 * HttpHeadDecoder<HttpHead.Request> decoder =
 *     HttpHeadDecoder.forRequests(config.maxHandshakeSize(), HttpHeadDecoder.DEFAULT_MAX_HEADERS);
 * // on each read:
 * try {
 *   HttpHead.Request head = decoder.feed(readBuffer);   // null: read more
 *   if (head == null) return;
 *   UpgradeRequest request = ServerHandshake.validate(head);
 *   // the application may refuse here by throwing new HandshakeException(403, "...")
 *   write(ServerHandshake.acceptResponse(request, chosenSubprotocol, null, Headers.EMPTY));
 *   // readBuffer's remaining bytes are the client's first frames
 * } catch (HandshakeException e) {
 *   write(ServerHandshake.errorResponse(e));
 *   closeAfterWrite();
 * }
 * }</pre>
 *
 * <p>A client connection:
 *
 * <pre>{@code
 * ClientHandshake handshake = ClientHandshake.builder(uri).subprotocols(List.of("v1")).build();
 * connect(handshake.host(), handshake.port(), handshake.isSecure());
 * write(handshake.request());
 * // on each read:
 * HandshakeResult result = handshake.feed(readBuffer);  // null: read more
 * // HandshakeFailedException: fail the connection, report its message
 * }</pre>
 */
package io.asyncws.runtime.handshake;
