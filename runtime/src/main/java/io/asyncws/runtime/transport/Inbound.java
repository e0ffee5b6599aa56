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

  /** Bytes arrived; consume what can be consumed (the buffer is reused after this returns). */
  void onData(ByteBuffer bytes);

  /** The peer closed its side. */
  void onEndOfStream();

  /** Reading or writing failed. */
  void onIoError(IOException error);

  /** The connection is closed; release everything. Called once. */
  void onClosed();
}
