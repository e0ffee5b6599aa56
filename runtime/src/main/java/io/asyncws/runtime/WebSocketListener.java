package io.asyncws.runtime;

/**
 * Receives the events of one connection, as the browser's {@code onopen}, {@code onmessage},
 * {@code onerror} and {@code onclose} do. Every method has a no-op default.
 *
 * <p>Threading: the callbacks of one connection run on that connection's event-loop thread, one
 * at a time and in order; they never run concurrently. A callback that blocks stalls every
 * connection of its event loop, so hand long work to another executor.
 */
public interface WebSocketListener {
  /** The opening handshake completed; the connection is {@link ReadyState#OPEN}. */
  default void onOpen(WebSocket socket) {}

  /** A whole message arrived. */
  default void onMessage(WebSocket socket, MessageEvent event) {}

  /**
   * The peer answered a Ping (ours, sent with {@link WebSocket#ping}, or a keep-alive Ping). Not
   * part of the browser's API, which hides Ping and Pong; Pings from the peer are answered
   * automatically.
   */
  default void onPong(WebSocket socket, java.nio.ByteBuffer payload) {}

  /**
   * Something went wrong: the peer broke the protocol, the network failed, or a callback threw.
   * {@link #onClose} follows when the connection had opened.
   */
  default void onError(WebSocket socket, Throwable error) {}

  /** The connection is {@link ReadyState#CLOSED}; no further callback follows. */
  default void onClose(WebSocket socket, CloseEvent event) {}
}
