package io.asyncws.runtime;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.Collection;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Guards a server against cross-site WebSocket hijacking: a page on another site can open a
 * WebSocket to this server with the user's cookies, and only the {@code Origin} header tells.
 * Handshakes from origins not on the list are refused with 403 before the application's handler
 * sees them.
 *
 * <pre>{@code
 * WebSocketServer.builder()
 *     .handler(AllowedOrigins.of(List.of("https://app.example.com"), request -> Upgrade.accept(listener)))
 * }</pre>
 *
 * <p>A request without {@code Origin} comes from a non-browser client (browsers always send it);
 * it is let through unless {@link #requiringOrigin()} is used. Origins compare by scheme, host
 * and port, ignoring case and default ports. Immutable and thread-safe.
 */
public final class AllowedOrigins implements WebSocketHandler {
  private final Set<String> allowed;
  private final boolean originRequired;
  private final WebSocketHandler next;

  private AllowedOrigins(Set<String> allowed, boolean originRequired, WebSocketHandler next) {
    this.allowed = allowed;
    this.originRequired = originRequired;
    this.next = next;
  }

  /**
   * Lets handshakes from {@code origins} (such as {@code https://app.example.com}) through to
   * {@code next}.
   *
   * @throws IllegalArgumentException if an origin is not {@code scheme://host[:port]}
   */
  public static AllowedOrigins of(Collection<String> origins, WebSocketHandler next) {
    Set<String> normalized =
        origins.stream()
            .map(
                origin ->
                    normalize(origin)
                        .orElseThrow(
                            () ->
                                new IllegalArgumentException(
                                    "an origin is scheme://host[:port], not '" + origin + "'")))
            .collect(Collectors.toUnmodifiableSet());
    return new AllowedOrigins(normalized, false, Objects.requireNonNull(next, "next"));
  }

  /** The same guard, also refusing requests without an {@code Origin} header. */
  public AllowedOrigins requiringOrigin() {
    return new AllowedOrigins(allowed, true, next);
  }

  @Override
  public Upgrade onHandshake(HandshakeRequest request) {
    Optional<String> origin = request.origin();
    if (origin.isEmpty()) {
      return originRequired
          ? Upgrade.reject(403, "An Origin header is required.")
          : next.onHandshake(request);
    }
    if (normalize(origin.get()).filter(allowed::contains).isEmpty()) {
      return Upgrade.reject(403, "Origin " + origin.get() + " is not allowed.");
    }
    return next.onHandshake(request);
  }

  /** {@code scheme://host[:port]} in lower case without a default port, or empty if malformed. */
  static Optional<String> normalize(String origin) {
    try {
      URI uri = new URI(origin.trim());
      String scheme = uri.getScheme();
      String host = uri.getHost();
      if (scheme == null || host == null || uri.getRawUserInfo() != null) return Optional.empty();
      boolean bare = (uri.getRawPath() == null || uri.getRawPath().isEmpty())
          && uri.getRawQuery() == null && uri.getRawFragment() == null;
      if (!bare) return Optional.empty();
      scheme = scheme.toLowerCase(Locale.ROOT);
      int port = uri.getPort();
      boolean defaultPort =
          port == -1 || (scheme.equals("http") && port == 80) || (scheme.equals("https") && port == 443);
      return Optional.of(scheme + "://" + host.toLowerCase(Locale.ROOT) + (defaultPort ? "" : ":" + port));
    } catch (URISyntaxException e) {
      return Optional.empty();
    }
  }
}
