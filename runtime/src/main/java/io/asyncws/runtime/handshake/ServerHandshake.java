package io.asyncws.runtime.handshake;

import static io.asyncws.runtime.handshake.HandshakeHeaders.CONNECTION;
import static io.asyncws.runtime.handshake.HandshakeHeaders.HOST;
import static io.asyncws.runtime.handshake.HandshakeHeaders.KEY_LENGTH;
import static io.asyncws.runtime.handshake.HandshakeHeaders.KEY_NONCE_BYTES;
import static io.asyncws.runtime.handshake.HandshakeHeaders.ORIGIN;
import static io.asyncws.runtime.handshake.HandshakeHeaders.SEC_WEBSOCKET_ACCEPT;
import static io.asyncws.runtime.handshake.HandshakeHeaders.SEC_WEBSOCKET_EXTENSIONS;
import static io.asyncws.runtime.handshake.HandshakeHeaders.SEC_WEBSOCKET_KEY;
import static io.asyncws.runtime.handshake.HandshakeHeaders.SEC_WEBSOCKET_PROTOCOL;
import static io.asyncws.runtime.handshake.HandshakeHeaders.SEC_WEBSOCKET_VERSION;
import static io.asyncws.runtime.handshake.HandshakeHeaders.UPGRADE;
import static io.asyncws.runtime.handshake.HandshakeHeaders.UPGRADE_OPTION;
import static io.asyncws.runtime.handshake.HandshakeHeaders.WEBSOCKET;

import io.asyncws.runtime.protocol.WebSocketProtocol;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * The server's side of the opening handshake (RFC 6455 §4.2): checks a client's upgrade request and
 * writes the {@code 101} that accepts it or the error response that refuses it. Pure functions of
 * their arguments; thread-safe.
 *
 * <p>Which status answers which fault:
 *
 * <ul>
 *   <li>405 with {@code Allow: GET}: a method other than {@code GET}.
 *   <li>400: HTTP/1.0 or older (§4.1 requires HTTP/1.1); a missing, repeated or empty {@code Host};
 *       no {@code upgrade} option in {@code Connection}; a body ({@code Content-Length} other than
 *       0, or {@code Transfer-Encoding}); a missing, repeated or malformed {@code
 *       Sec-WebSocket-Key}; a subprotocol that is not a token; a malformed target.
 *   <li>505: HTTP/2 or later on an HTTP/1 connection.
 *   <li>426 with {@code Upgrade: websocket} and {@code Sec-WebSocket-Version: 13}: no {@code
 *       websocket} token in {@code Upgrade} (a plain HTTP request to a WebSocket endpoint), or a
 *       {@code Sec-WebSocket-Version} other than exactly one {@code 13} (§4.2.2).
 * </ul>
 *
 * <p>A malformed {@code Sec-WebSocket-Extensions} is not a fault: the request is valid and every
 * extension is declined (RFC 7692 §7).
 */
public final class ServerHandshake {
  private ServerHandshake() {}

  private static final String TEXT_PLAIN_UTF8 = "text/plain; charset=utf-8";
  private static final String SWITCHING_PROTOCOLS = "HTTP/1.1 101 Switching Protocols";

  /** What a 426 carries: the protocol to upgrade to and the one version we speak. */
  private static final Headers UPGRADE_REQUIRED =
      Headers.of(SEC_WEBSOCKET_VERSION, WebSocketProtocol.VERSION, UPGRADE, WEBSOCKET);

  /**
   * Checks that {@code request} is a WebSocket upgrade this server can accept.
   *
   * @throws HandshakeException with the status to answer when it is not
   */
  public static UpgradeRequest validate(HttpHead.Request request) throws HandshakeException {
    if (!request.method().equals("GET")) {
      throw new HandshakeException(
          405,
          "A WebSocket handshake must use GET, not " + request.method() + ".",
          Headers.of("Allow", "GET"));
    }
    if (request.majorVersion() != 1) {
      throw new HandshakeException(505, request.version() + " is not spoken here; use HTTP/1.1.");
    }
    if (!request.isHttp11OrLater()) {
      throw new HandshakeException(
          400, "A WebSocket handshake needs HTTP/1.1 or later, not " + request.version() + ".");
    }
    Headers headers = request.headers();
    if (headers.count(HOST) != 1 || headers.valueOrNull(HOST).isEmpty()) {
      throw new HandshakeException(400, "The request must have exactly one non-empty Host header.");
    }
    if (!headers.hasToken(UPGRADE, WEBSOCKET)) {
      throw new HandshakeException(
          426,
          "This is a WebSocket endpoint; the request must carry \"Upgrade: websocket\".",
          UPGRADE_REQUIRED);
    }
    if (!headers.hasToken(CONNECTION, UPGRADE_OPTION)) {
      throw new HandshakeException(
          400, "The Connection header must contain the \"Upgrade\" option.");
    }
    List<String> versions = headers.all(SEC_WEBSOCKET_VERSION);
    if (versions.size() != 1 || !versions.get(0).equals(WebSocketProtocol.VERSION)) {
      throw new HandshakeException(
          426,
          "Sec-WebSocket-Version must be "
              + WebSocketProtocol.VERSION
              + ", not "
              + (versions.isEmpty() ? "absent" : String.join(", ", versions))
              + ".",
          UPGRADE_REQUIRED);
    }
    checkNoBody(headers);
    String key = validKey(headers);
    List<String> subprotocols = headers.tokens(SEC_WEBSOCKET_PROTOCOL);
    for (int i = 0; i < subprotocols.size(); i++) {
      String subprotocol = subprotocols.get(i);
      if (!Http.isToken(subprotocol)) {
        throw new HandshakeException(
            400, "The offered subprotocol \"" + subprotocol + "\" is not a token.");
      }
    }
    RequestTarget target = RequestTarget.parse(request.target());
    return new UpgradeRequest(
        request.target(),
        target.rawPath(),
        target.path(),
        target.rawQuery(),
        target.queryParameters(),
        headers,
        headers.first(ORIGIN),
        key,
        subprotocols,
        Extensions.parse(headers.all(SEC_WEBSOCKET_EXTENSIONS)));
  }

  /**
   * Refuses a request body: the bytes after the head are WebSocket frames, so a body would be read
   * as frames, and a proxy that framed it differently could smuggle frames past itself.
   */
  private static void checkNoBody(Headers headers) throws HandshakeException {
    // all() answers the usual absent case with the shared empty list: nothing allocated.
    List<String> lengths = headers.all("Content-Length");
    boolean emptyOrAbsent = true;
    for (int i = 0; i < lengths.size(); i++) {
      if (!lengths.get(i).equals("0")) emptyOrAbsent = false;
    }
    if (!emptyOrAbsent || headers.count("Transfer-Encoding") > 0) {
      throw new HandshakeException(
          400, "A WebSocket upgrade request must not have a body (Content-Length or chunked).");
    }
  }

  /** The one {@code Sec-WebSocket-Key}, which must be the canonical base64 of 16 bytes (§4.1). */
  private static String validKey(Headers headers) throws HandshakeException {
    List<String> keys = headers.all(SEC_WEBSOCKET_KEY);
    if (keys.size() != 1) {
      throw new HandshakeException(
          400,
          "The request must have exactly one Sec-WebSocket-Key header, not " + keys.size() + ".");
    }
    String key = keys.get(0);
    if (!isCanonicalNonce(key)) {
      throw new HandshakeException(
          400, "Sec-WebSocket-Key \"" + key + "\" is not the base64 encoding of 16 bytes.");
    }
    return key;
  }

  /**
   * Whether {@code key} is the canonical base64 of {@value HandshakeHeaders#KEY_NONCE_BYTES}
   * bytes: 22 alphabet characters and "==". 16 bytes fill 21 characters and 2 bits of the 22nd,
   * so its 4 low bits must be zero; checked by hand, as decoding and re-encoding would allocate.
   */
  private static boolean isCanonicalNonce(String key) {
    int dataChars = (KEY_NONCE_BYTES * 8 + 5) / 6;
    if (key.length() != KEY_LENGTH || dataChars + 2 != KEY_LENGTH) return false;
    for (int i = 0; i < dataChars; i++) {
      int value = base64Value(key.charAt(i));
      if (value < 0) return false;
      if (i == dataChars - 1 && (value & 0xF) != 0) return false;
    }
    return key.charAt(dataChars) == '=' && key.charAt(dataChars + 1) == '=';
  }

  /** The 6-bit value of a base64 (RFC 4648 §4) character, or -1 for any other. */
  private static int base64Value(char c) {
    if (c >= 'A' && c <= 'Z') return c - 'A';
    if (c >= 'a' && c <= 'z') return c - 'a' + 26;
    if (c >= '0' && c <= '9') return c - '0' + 52;
    if (c == '+') return 62;
    if (c == '/') return 63;
    return -1;
  }

  /**
   * The {@code 101 Switching Protocols} response accepting {@code request}.
   *
   * @param subprotocol the subprotocol chosen from {@link UpgradeRequest#subprotocols()}, or null
   *     for none
   * @param extensions the {@code Sec-WebSocket-Extensions} value accepting some of the offered
   *     extensions, or null or empty for none
   * @param extra further header fields, e.g. {@code Set-Cookie}; may not name a handshake field
   * @throws IllegalArgumentException if the subprotocol or an extension was not offered, or {@code
   *     extra} names a field the handshake writes itself
   */
  public static ByteBuffer acceptResponse(
      UpgradeRequest request, String subprotocol, String extensions, Headers extra) {
    if (subprotocol != null && !request.subprotocols().contains(subprotocol)) {
      throw new IllegalArgumentException(
          "Subprotocol \""
              + subprotocol
              + "\" was not offered; the client offered "
              + request.subprotocols()
              + ".");
    }
    boolean hasExtensions = extensions != null && !extensions.isEmpty();
    if (hasExtensions) checkAcceptedExtensions(request, extensions);
    for (int i = 0; i < extra.size(); i++) {
      if (HandshakeHeaders.isReserved(extra.name(i))) {
        throw new IllegalArgumentException(
            "Header " + extra.name(i) + " is written by the handshake and may not be set.");
      }
    }
    // Written field by field into an array of the exact size, not through a Headers.Builder:
    // every connection gets one of these.
    byte[] accept = HandshakeHeaders.acceptKeyBytes(request.key());
    String protocol =
        subprotocol == null ? null : Headers.checkedValue(SEC_WEBSOCKET_PROTOCOL, subprotocol);
    String offer =
        hasExtensions ? Headers.checkedValue(SEC_WEBSOCKET_EXTENSIONS, extensions) : null;
    int size =
        HeadWriter.frameLength(SWITCHING_PROTOCOLS)
            + HeadWriter.lineLength(UPGRADE, WEBSOCKET.length())
            + HeadWriter.lineLength(CONNECTION, UPGRADE_OPTION.length())
            + HeadWriter.lineLength(SEC_WEBSOCKET_ACCEPT, accept.length)
            + optionalLineLength(SEC_WEBSOCKET_PROTOCOL, protocol)
            + optionalLineLength(SEC_WEBSOCKET_EXTENSIONS, offer);
    for (int i = 0; i < extra.size(); i++) {
      size += HeadWriter.lineLength(extra.name(i), extra.value(i).length());
    }
    HeadWriter head =
        new HeadWriter(SWITCHING_PROTOCOLS, size)
            .header(UPGRADE, WEBSOCKET)
            .header(CONNECTION, UPGRADE_OPTION)
            .header(SEC_WEBSOCKET_ACCEPT, accept);
    if (protocol != null) head.header(SEC_WEBSOCKET_PROTOCOL, protocol);
    if (offer != null) head.header(SEC_WEBSOCKET_EXTENSIONS, offer);
    return head.headers(extra).finish();
  }

  private static int optionalLineLength(String name, String valueOrNull) {
    return valueOrNull == null ? 0 : HeadWriter.lineLength(name, valueOrNull.length());
  }

  private static void checkAcceptedExtensions(UpgradeRequest request, String extensions) {
    Extensions accepted = Extensions.parse(extensions);
    if (accepted.isMalformed()) {
      throw new IllegalArgumentException(accepted.error().orElseThrow());
    }
    for (ExtensionOffer offer : accepted.offers()) {
      if (!request.extensions().contains(offer.name())) {
        throw new IllegalArgumentException(
            "Extension "
                + offer.name()
                + " was not offered; the client offered "
                + request.extensions().names()
                + ".");
      }
    }
  }

  /** The response refusing a handshake for the reason {@code e} gives; its message is the body. */
  public static ByteBuffer errorResponse(HandshakeException e) {
    return rejectResponse(e.status(), e.headers(), e.getMessage());
  }

  /**
   * A response refusing a handshake with any status, as an application's handshake hook may (403
   * for a foreign origin, 404 for an unknown path, a 3xx redirect). The connection closes after it,
   * so it says {@code Connection: close}; the body is sent as UTF-8 text unless {@code extra} sets
   * {@code Content-Type}.
   *
   * @param status a status in 300-599
   * @param extra header fields to send, e.g. {@code Location} or {@code WWW-Authenticate}
   * @param body the body text
   * @throws IllegalArgumentException if {@code status} is out of range or {@code extra} sets {@code
   *     Connection}, {@code Content-Length} or {@code Transfer-Encoding}
   */
  public static ByteBuffer rejectResponse(int status, Headers extra, String body) {
    if (status < 300 || status > 599) {
      throw new IllegalArgumentException(
          "A refusal needs a status in 300-599, not " + status + ".");
    }
    for (String framing : List.of(CONNECTION, "Content-Length", "Transfer-Encoding")) {
      if (extra.count(framing) > 0) {
        throw new IllegalArgumentException("Header " + framing + " is written by the handshake.");
      }
    }
    byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
    Headers.Builder fields = extra.toBuilder();
    // RFC 9110 §7.8: whoever sends Upgrade must also list it in Connection.
    fields.add(CONNECTION, extra.count(UPGRADE) > 0 ? UPGRADE_OPTION + ", close" : "close");
    if (extra.count("Content-Type") == 0) fields.add("Content-Type", TEXT_PLAIN_UTF8);
    fields.add("Content-Length", Integer.toString(bytes.length));
    return new HeadWriter(
            "HTTP/1.1 " + status + " " + Http.reasonPhrase(status),
            HeadWriter.USUAL_CAPACITY + bytes.length)
        .headers(fields.build())
        .finish(bytes);
  }
}
