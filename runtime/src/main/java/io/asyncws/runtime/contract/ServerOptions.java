package io.asyncws.runtime.contract;

import io.asyncws.runtime.AllowedOrigins;
import io.asyncws.runtime.Upgrade;
import io.asyncws.runtime.WebSocketConfig;
import io.asyncws.runtime.WebSocketHandler;
import io.asyncws.runtime.WebSocketServer;
import io.asyncws.runtime.transport.EventLoopGroup;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.util.Collection;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import javax.net.ssl.SSLContext;

/**
 * What every generated server lets its user tune: limits, TLS, allowed origins and the event
 * loops. Immutable; the counterpart of {@link ClientOptions}.
 *
 * <pre>{@code
 * XxxServer server = XxxServer.start(new InetSocketAddress("0.0.0.0", 443),
 *     ServerOptions.defaults().withTls(context).withAllowedOrigins(List.of("https://app.example.com")),
 *     handler);
 * }</pre>
 *
 * @param config the WebSocket limits and timeouts of every connection
 * @param tls when present the server speaks only {@code wss://}: every connection starts with a
 *     TLS handshake using this context, whose key manager holds the server's certificate; when
 *     empty it speaks plain {@code ws://}
 * @param allowedOrigins when present, handshakes whose {@code Origin} is not one of these
 *     ({@code scheme://host[:port]}) are refused with 403 before the application sees them;
 *     handshakes without {@code Origin} come from non-browser clients and pass (see {@link
 *     AllowedOrigins}); when empty every origin is accepted
 * @param eventLoops when present the server runs on this shared group, which its owner closes;
 *     when empty the server starts {@link WebSocketConfig#eventLoops()} loops of its own and stops
 *     them on close
 */
public record ServerOptions(
    WebSocketConfig config,
    Optional<SSLContext> tls,
    Optional<List<String>> allowedOrigins,
    Optional<EventLoopGroup> eventLoops) {

  public ServerOptions {
    Objects.requireNonNull(config, "config");
    Objects.requireNonNull(tls, "tls");
    Objects.requireNonNull(eventLoops, "eventLoops");
    allowedOrigins = Objects.requireNonNull(allowedOrigins, "allowedOrigins").map(List::copyOf);
    // Built once here so that a malformed origin fails where it is given, not when a server starts.
    allowedOrigins.ifPresent(origins -> AllowedOrigins.of(origins, request -> Upgrade.reject(403, "")));
  }

  /** Default WebSocket configuration, plain {@code ws://}, every origin, loops of its own. */
  public static ServerOptions defaults() {
    return new ServerOptions(WebSocketConfig.defaults(), Optional.empty(), Optional.empty(), Optional.empty());
  }

  /** These options with another WebSocket configuration. */
  public ServerOptions withConfig(WebSocketConfig newConfig) {
    return new ServerOptions(newConfig, tls, allowedOrigins, eventLoops);
  }

  /** These options serving {@code wss://} with {@code context}, which holds the server's certificate. */
  public ServerOptions withTls(SSLContext context) {
    return new ServerOptions(config, Optional.of(Objects.requireNonNull(context, "context")), allowedOrigins,
        eventLoops);
  }

  /**
   * These options accepting browsers only from {@code origins}, such as {@code
   * https://app.example.com}: the guard against cross-site WebSocket hijacking.
   *
   * @throws IllegalArgumentException if an origin is not {@code scheme://host[:port]}
   */
  public ServerOptions withAllowedOrigins(Collection<String> origins) {
    return new ServerOptions(config, tls, Optional.of(List.copyOf(origins)), eventLoops);
  }

  /** These options running the server on a shared group, which the caller closes after the server. */
  public ServerOptions withEventLoopGroup(EventLoopGroup group) {
    return new ServerOptions(config, tls, allowedOrigins, Optional.of(Objects.requireNonNull(group, "group")));
  }

  /**
   * Binds {@code address} and serves with these options, the origin guard (if any) in front of
   * {@code handler}; what a generated server's {@code start} does underneath.
   *
   * @throws UncheckedIOException if the address cannot be bound
   */
  public WebSocketServer startServer(InetSocketAddress address, WebSocketHandler handler) {
    Objects.requireNonNull(handler, "handler");
    WebSocketServer.Builder builder = WebSocketServer.builder()
        .bind(address)
        .config(config)
        .handler(allowedOrigins.<WebSocketHandler>map(origins -> AllowedOrigins.of(origins, handler)).orElse(handler));
    tls.ifPresent(builder::tls);
    eventLoops.ifPresent(builder::eventLoopGroup);
    return builder.start();
  }
}
