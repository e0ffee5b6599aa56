package io.asyncws.runtime;

import java.net.URI;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;

/**
 * What a client asks for when it connects: the URL, the subprotocols it offers and extra request
 * headers such as {@code Authorization} or {@code Origin}. Immutable.
 *
 * @param url a {@code ws://} or {@code wss://} URL
 * @param subprotocols offered in {@code Sec-WebSocket-Protocol}, most preferred first
 * @param headers extra request headers, by name
 */
public record ConnectRequest(URI url, List<String> subprotocols, Map<String, String> headers) {

  public ConnectRequest {
    Objects.requireNonNull(url, "url");
    String scheme = url.getScheme() == null ? "" : url.getScheme().toLowerCase(Locale.ROOT);
    if (!scheme.equals("ws") && !scheme.equals("wss")) {
      throw new IllegalArgumentException("a WebSocket URL starts with ws:// or wss://: " + url);
    }
    if (url.getHost() == null) throw new IllegalArgumentException("the URL has no host: " + url);
    subprotocols = List.copyOf(subprotocols);
    headers = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(headers));
  }

  /** A request for {@code url} with no subprotocols and no extra headers. */
  public static ConnectRequest to(URI url) {
    return new ConnectRequest(url, List.of(), Map.of());
  }

  /** A request for {@code url}. */
  public static ConnectRequest to(String url) {
    return to(URI.create(url));
  }

  /** This request offering {@code protocols}, most preferred first. */
  public ConnectRequest withSubprotocols(String... protocols) {
    return new ConnectRequest(url, List.of(protocols), headers);
  }

  /** This request with one more header. */
  public ConnectRequest withHeader(String name, String value) {
    Map<String, String> more = new LinkedHashMap<>(headers);
    more.put(Objects.requireNonNull(name, "name"), Objects.requireNonNull(value, "value"));
    return new ConnectRequest(url, subprotocols, more);
  }
}
