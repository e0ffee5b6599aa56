package io.asyncws.runtime.handshake;

import java.util.Objects;

/**
 * What a server agreed to in its {@code 101} response, once {@link ClientHandshake#validate}
 * accepted it.
 *
 * @param subprotocol the subprotocol the server chose, or "" when it chose none; what the browser
 *     API calls {@code protocol}
 * @param extensions the {@code Sec-WebSocket-Extensions} values joined by ", ", or "" when the
 *     server accepted no extension; what the browser API calls {@code extensions}
 * @param headers every header field of the response
 */
public record HandshakeResult(String subprotocol, String extensions, Headers headers) {
  public HandshakeResult {
    Objects.requireNonNull(subprotocol, "subprotocol");
    Objects.requireNonNull(extensions, "extensions");
    Objects.requireNonNull(headers, "headers");
  }
}
