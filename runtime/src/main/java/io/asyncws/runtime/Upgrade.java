package io.asyncws.runtime;

import java.util.Objects;

/**
 * A server's answer to an opening handshake: open the connection with a listener, or refuse it
 * with an HTTP status. Made by {@link WebSocketHandler#onHandshake}.
 */
public sealed interface Upgrade permits Upgrade.Accept, Upgrade.Reject {

  /** Opens the connection; events go to {@code listener}. No subprotocol is chosen. */
  static Accept accept(WebSocketListener listener) {
    return new Accept(listener, "");
  }

  /**
   * Opens the connection with {@code subprotocol}, which must be one the client offered.
   */
  static Accept accept(WebSocketListener listener, String subprotocol) {
    return new Accept(listener, subprotocol);
  }

  /** Refuses the connection with an HTTP status (400-599) and a short plain-text message. */
  static Reject reject(int status, String message) {
    return new Reject(status, message);
  }

  /**
   * Open the connection.
   *
   * @param listener receives the connection's events
   * @param subprotocol the subprotocol to answer with, or the empty string for none
   */
  record Accept(WebSocketListener listener, String subprotocol) implements Upgrade {
    public Accept {
      Objects.requireNonNull(listener, "listener");
      Objects.requireNonNull(subprotocol, "subprotocol");
    }
  }

  /**
   * Refuse the connection.
   *
   * @param status the HTTP status, 400-599
   * @param message the response body, plain text
   */
  record Reject(int status, String message) implements Upgrade {
    public Reject {
      if (status < 400 || status > 599) {
        throw new IllegalArgumentException("status must be 400-599: " + status);
      }
      Objects.requireNonNull(message, "message");
    }
  }
}
