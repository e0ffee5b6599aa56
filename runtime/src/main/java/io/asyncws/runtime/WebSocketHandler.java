package io.asyncws.runtime;

/**
 * Decides, for each opening handshake a server receives, whether to open the connection and who
 * listens to it. This is the place for routing by path, authentication, {@code Origin} checks and
 * subprotocol choice.
 *
 * <p>Threading: called on the event-loop thread of the new connection; it must not block.
 */
@FunctionalInterface
public interface WebSocketHandler {
  /** The answer to {@code request}; an exception thrown here refuses it with 500. */
  Upgrade onHandshake(HandshakeRequest request);
}
