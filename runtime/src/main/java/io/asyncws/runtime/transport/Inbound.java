package io.asyncws.runtime.transport;

import java.io.IOException;
import java.nio.ByteBuffer;

/**
 * Whoever consumes a connection's bytes now: first the opening handshake, then the WebSocket
 * session. Called on the connection's event-loop thread only.
 */
interface Inbound {
  /** A client's TCP connection was established; the opening handshake may start. */
  default void onConnected() {}

  /**
   * Bytes arrived. Consume them all, or leave the rest in {@code bytes} to say "no more for now":
   * the connection keeps the rest, stops reading, and hands it back once its write queue has
   * drained. The buffer itself is reused after this returns.
   */
  void onData(ByteBuffer bytes);

  /** The peer closed its side. */
  void onEndOfStream();

  /** Reading or writing failed. */
  void onIoError(IOException error);

  /** The connection is closed; release everything. Called once. */
  void onClosed();
}
