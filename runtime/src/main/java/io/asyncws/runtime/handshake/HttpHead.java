package io.asyncws.runtime.handshake;

import java.util.Objects;

/**
 * The head of an HTTP/1.1 message: its start line and header fields, without a body. Produced by
 * {@link HttpHeadDecoder}; a WebSocket handshake never has a body.
 */
public sealed interface HttpHead permits HttpHead.Request, HttpHead.Response {
  /** The protocol version of the start line, as written: {@code HTTP/1.1}. */
  String version();

  /** The header fields. */
  Headers headers();

  /** Whether {@link #version()} is HTTP/1.1 or a later minor version of HTTP/1. */
  default boolean isHttp11OrLater() {
    return majorVersion() == 1 && minorVersion() >= 1;
  }

  /** The major version digit; the decoder guarantees {@code HTTP/DIGIT.DIGIT}. */
  default int majorVersion() {
    return version().charAt(5) - '0';
  }

  /** The minor version digit. */
  default int minorVersion() {
    return version().charAt(7) - '0';
  }

  /**
   * A request head: {@code GET /chat?room=1 HTTP/1.1}.
   *
   * @param method the method, case-sensitive ({@code GET})
   * @param target the request target as sent, still percent-encoded
   * @param version the protocol version
   * @param headers the header fields
   */
  record Request(String method, String target, String version, Headers headers)
      implements HttpHead {
    public Request {
      Objects.requireNonNull(method, "method");
      Objects.requireNonNull(target, "target");
      Objects.requireNonNull(version, "version");
      Objects.requireNonNull(headers, "headers");
    }
  }

  /**
   * A response head: {@code HTTP/1.1 101 Switching Protocols}.
   *
   * @param version the protocol version
   * @param status the three-digit status code
   * @param reason the reason phrase, possibly empty; it carries no meaning
   * @param headers the header fields
   */
  record Response(String version, int status, String reason, Headers headers) implements HttpHead {
    public Response {
      Objects.requireNonNull(version, "version");
      Objects.requireNonNull(reason, "reason");
      Objects.requireNonNull(headers, "headers");
    }

    /** The status line without the version, for messages: {@code 403 Forbidden}. */
    public String statusText() {
      return reason.isEmpty() ? Integer.toString(status) : status + " " + reason;
    }
  }
}
