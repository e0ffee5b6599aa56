package io.asyncws.runtime;

import io.asyncws.runtime.handshake.HeaderMap;
import java.net.InetSocketAddress;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What a client asked for in its opening handshake, handed to the server application so it can
 * route, authenticate and choose a subprotocol before the connection opens.
 *
 * @param path the request path, percent-decoded, starting with {@code /}
 * @param rawQuery the query string as sent, without {@code ?}; empty when there is none
 * @param queryParameters the query parameters, percent-decoded, in order
 * @param headers the request headers; names in lower case, values in order of appearance
 * @param origin the {@code Origin} header, sent by browsers, if present
 * @param subprotocols the subprotocols the client offered, in its order of preference
 * @param remoteAddress the client's address
 */
public record HandshakeRequest(
    String path,
    String rawQuery,
    Map<String, List<String>> queryParameters,
    Map<String, List<String>> headers,
    Optional<String> origin,
    List<String> subprotocols,
    InetSocketAddress remoteAddress) {

  public HandshakeRequest {
    queryParameters = Map.copyOf(queryParameters);
    // The server's own map is immutable and lower-case already: no copy per handshake.
    headers = headers instanceof HeaderMap ? headers : lowerCaseNames(headers);
    subprotocols = List.copyOf(subprotocols);
  }

  private static Map<String, List<String>> lowerCaseNames(Map<String, List<String>> headers) {
    Map<String, List<String>> lower = new java.util.TreeMap<>();
    headers.forEach(
        (name, values) ->
            lower.merge(
                name.toLowerCase(java.util.Locale.ROOT),
                List.copyOf(values),
                (a, b) -> java.util.stream.Stream.concat(a.stream(), b.stream()).toList()));
    return java.util.Collections.unmodifiableMap(lower);
  }

  /** The first value of a header, by case-insensitive name. */
  public Optional<String> header(String name) {
    List<String> values = headers.get(name.toLowerCase(java.util.Locale.ROOT));
    return values == null || values.isEmpty() ? Optional.empty() : Optional.of(values.get(0));
  }

  /** The first value of a query parameter. */
  public Optional<String> queryParameter(String name) {
    List<String> values = queryParameters.get(name);
    return values == null || values.isEmpty() ? Optional.empty() : Optional.of(values.get(0));
  }
}
