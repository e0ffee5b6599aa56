package io.asyncws.runtime.handshake;

import java.util.Objects;

/**
 * A server refuses an opening handshake: the HTTP status to answer with, a sentence saying why, and
 * header fields the answer must carry ({@code Sec-WebSocket-Version: 13} with a 426, {@code Allow:
 * GET} with a 405). {@link ServerHandshake#errorResponse(HandshakeException)} turns it into
 * response bytes. An application's handshake hook may throw one with any 4xx or 5xx status, e.g.
 * 403 for a foreign {@code Origin}.
 */
public final class HandshakeException extends Exception {
  private static final long serialVersionUID = 1L;

  private final int status;
  private final transient Headers headers;

  /** A refusal with {@code status} and no extra header fields. */
  public HandshakeException(int status, String message) {
    this(status, message, Headers.EMPTY);
  }

  /**
   * A refusal with {@code status} whose response carries {@code headers}.
   *
   * @throws IllegalArgumentException if {@code status} is not in 400-599
   */
  public HandshakeException(int status, String message, Headers headers) {
    super(Objects.requireNonNull(message, "message"), null, false, false);
    if (status < 400 || status > 599) {
      throw new IllegalArgumentException(
          "A refusal needs a 4xx or 5xx status, not " + status + ".");
    }
    this.status = status;
    this.headers = Objects.requireNonNull(headers, "headers");
  }

  /** The HTTP status to answer with. */
  public int status() {
    return status;
  }

  /** Header fields the response must carry besides the ones every error response has. */
  public Headers headers() {
    return headers;
  }
}
