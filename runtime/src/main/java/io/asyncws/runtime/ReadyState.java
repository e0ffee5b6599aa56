package io.asyncws.runtime;

/** The state of a connection, as the browser's {@code WebSocket.readyState} names it. */
public enum ReadyState {
  /** The opening handshake has not completed. */
  CONNECTING,
  /** Messages can be sent and received. */
  OPEN,
  /** A Close frame was sent or received; the closing handshake is under way. */
  CLOSING,
  /** The connection is closed or could not be opened. */
  CLOSED;

  /** The number the browser uses for this state: 0 to 3. */
  public int code() {
    return ordinal();
  }
}
