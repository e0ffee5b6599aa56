package io.asyncws.runtime.handshake;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * A valid WebSocket upgrade request, as {@link ServerHandshake#validate} found it: what an
 * application needs to route the connection and to choose a subprotocol and extensions.
 *
 * @param target the request target as sent
 * @param rawPath the path, still percent-encoded: {@code /chat/r%C3%A9union}
 * @param path the path, percent-decoded as UTF-8: {@code /chat/réunion}
 * @param rawQuery the query after {@code ?}, still encoded; empty when there is none
 * @param queryParameters the query parameters decoded as a form ({@code +} is a space), in order of
 *     first appearance, each with all its values
 * @param headers every header field of the request
 * @param origin the {@code Origin} header; browsers always send it, other clients rarely do
 * @param key the {@code Sec-WebSocket-Key}, already checked to encode 16 bytes
 * @param subprotocols the subprotocols offered in {@code Sec-WebSocket-Protocol}, in the client's
 *     order of preference
 * @param extensions the offered extensions; possibly {@link Extensions#isMalformed() malformed}, in
 *     which case every extension is declined
 */
public record UpgradeRequest(
    String target,
    String rawPath,
    String path,
    String rawQuery,
    Map<String, List<String>> queryParameters,
    Headers headers,
    Optional<String> origin,
    String key,
    List<String> subprotocols,
    Extensions extensions) {

  public UpgradeRequest {
    Objects.requireNonNull(target, "target");
    Objects.requireNonNull(rawPath, "rawPath");
    Objects.requireNonNull(path, "path");
    Objects.requireNonNull(rawQuery, "rawQuery");
    queryParameters =
        queryParameters.isEmpty()
            ? Map.of()
            : Collections.unmodifiableMap(new LinkedHashMap<>(queryParameters));
    Objects.requireNonNull(headers, "headers");
    Objects.requireNonNull(origin, "origin");
    Objects.requireNonNull(key, "key");
    subprotocols = List.copyOf(subprotocols);
    Objects.requireNonNull(extensions, "extensions");
  }

  /** The first value of query parameter {@code name}. */
  public Optional<String> queryParameter(String name) {
    List<String> values = queryParameters.get(name);
    return values == null ? Optional.empty() : Optional.of(values.get(0));
  }
}
