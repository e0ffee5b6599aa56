package io.asyncws.runtime.handshake;

import java.util.Objects;
import java.util.Optional;

/**
 * A client's opening handshake failed: the server refused the upgrade (its status is in {@link
 * #status()}), or its response broke RFC 6455 §4.1 and the connection must be dropped. The message
 * says which, in words a user can act on.
 */
public final class HandshakeFailedException extends Exception {
  private static final long serialVersionUID = 1L;

  private final transient HttpHead.Response response;

  /** A failure caused by {@code response}, or by bytes that did not parse when it is null. */
  public HandshakeFailedException(String message, HttpHead.Response response) {
    super(Objects.requireNonNull(message, "message"), null, false, false);
    this.response = response;
  }

  /** The server's response head, when it parsed. */
  public Optional<HttpHead.Response> response() {
    return Optional.ofNullable(response);
  }

  /** The server's status code, or -1 when its response did not parse. */
  public int status() {
    return response == null ? -1 : response.status();
  }
}
