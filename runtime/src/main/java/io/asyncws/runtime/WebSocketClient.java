package io.asyncws.runtime;

import io.asyncws.runtime.transport.Connector;
import io.asyncws.runtime.transport.EventLoopGroup;
import java.net.URI;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import javax.net.ssl.SSLContext;

/**
 * Opens WebSocket connections, {@code ws://} and {@code wss://}. One client may open any number
 * of connections; they share its event loops.
 *
 * <pre>{@code
 * try (WebSocketClient client = WebSocketClient.create()) {
 *   WebSocket socket = client.connect(URI.create("wss://example.com/chat"), listener).join();
 *   socket.send("hello");
 * }
 * }</pre>
 *
 * <p>TLS: the server's certificate is checked against the JDK's default trust store, or the
 * {@link Builder#tls(SSLContext) context} given, and against the URL's host name as HTTPS does;
 * that check cannot be turned off. The host name is sent in SNI unless it is an IP address.
 *
 * <p>Thread-safety: every method may be called from any thread.
 */
public final class WebSocketClient implements AutoCloseable {
  private final Connector connector;
  private final EventLoopGroup loops;
  private final boolean ownsLoops;

  private WebSocketClient(
      WebSocketConfig config, SSLContext tls, EventLoopGroup loops, boolean ownsLoops) {
    this.loops = loops;
    this.ownsLoops = ownsLoops;
    this.connector = new Connector(loops, config, tls);
  }

  /** A builder: configuration, TLS context and optionally a shared loop group. */
  public static Builder builder() {
    return new Builder();
  }

  /** A client with the default configuration and one event loop of its own. */
  public static WebSocketClient create() {
    return create(WebSocketConfig.builder().eventLoops(1).build());
  }

  /** A client with {@code config.eventLoops()} event loops of its own. */
  public static WebSocketClient create(WebSocketConfig config) {
    return builder().config(config).build();
  }

  /** A client on a shared group, which the caller closes. */
  public static WebSocketClient create(WebSocketConfig config, EventLoopGroup loops) {
    return builder().config(config).eventLoopGroup(loops).build();
  }

  /** Connects to {@code url}; see {@link #connect(ConnectRequest, WebSocketListener)}. */
  public CompletableFuture<WebSocket> connect(URI url, WebSocketListener listener) {
    return connect(ConnectRequest.to(url), listener);
  }

  /**
   * Connects and performs the opening handshake (after the TLS handshake for {@code wss://}).
   * The future completes with the open connection right after {@link WebSocketListener#onOpen};
   * when the connection cannot be opened it fails with the reason (the server's status, a
   * timeout, a refused connection, a {@link javax.net.ssl.SSLHandshakeException} naming the TLS
   * problem) and the listener hears nothing.
   */
  public CompletableFuture<WebSocket> connect(ConnectRequest request, WebSocketListener listener) {
    return connector.connect(request, Objects.requireNonNull(listener, "listener"));
  }

  /** Stops the client's own event loops, dropping their connections; close connections first. */
  @Override
  public void close() {
    if (ownsLoops) loops.close();
  }

  /** Builds a {@link WebSocketClient}. Not thread-safe. */
  public static final class Builder {
    private WebSocketConfig config = WebSocketConfig.defaults();
    private SSLContext tls;
    private EventLoopGroup loops;

    private Builder() {}

    /** Limits and timeouts; default {@link WebSocketConfig#defaults()}. */
    public Builder config(WebSocketConfig config) {
      this.config = Objects.requireNonNull(config, "config");
      return this;
    }

    /**
     * The TLS context of {@code wss://} connections, e.g. one trusting a private CA; default
     * {@link SSLContext#getDefault()}.
     */
    public Builder tls(SSLContext context) {
      this.tls = Objects.requireNonNull(context, "context");
      return this;
    }

    /**
     * Runs connections on a shared group, which the caller closes; by default the client starts
     * {@link WebSocketConfig#eventLoops()} loops of its own and stops them on close.
     */
    public Builder eventLoopGroup(EventLoopGroup loops) {
      this.loops = Objects.requireNonNull(loops, "loops");
      return this;
    }

    /** The client, with its event loops started. */
    public WebSocketClient build() {
      boolean ownsLoops = loops == null;
      EventLoopGroup group = ownsLoops ? new EventLoopGroup(config.eventLoops()) : loops;
      return new WebSocketClient(config, tls, group, ownsLoops);
    }
  }
}
