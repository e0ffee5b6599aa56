package io.asyncws.runtime;

import io.asyncws.runtime.session.WebSocketSession;
import io.asyncws.runtime.transport.Acceptor;
import io.asyncws.runtime.transport.EventLoopGroup;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import javax.net.ssl.SSLContext;

/**
 * A WebSocket server: one thread accepts TCP connections, a group of event loops serves them. The
 * {@link WebSocketHandler} decides for every opening handshake who listens to the connection.
 *
 * <pre>{@code
 * WebSocketServer server = WebSocketServer.builder()
 *     .bind(new InetSocketAddress("127.0.0.1", 8080))
 *     .handler(request -> Upgrade.accept(new EchoListener()))
 *     .start();
 * }</pre>
 *
 * <p>Thread-safety: every method may be called from any thread.
 */
public final class WebSocketServer implements AutoCloseable {
  private final Acceptor acceptor;
  private final EventLoopGroup loops;
  private final boolean ownsLoops;
  private final WebSocketConfig config;

  private WebSocketServer(
      Acceptor acceptor, EventLoopGroup loops, boolean ownsLoops, WebSocketConfig config) {
    this.acceptor = acceptor;
    this.loops = loops;
    this.ownsLoops = ownsLoops;
    this.config = config;
  }

  /** A builder: bind address, handler, configuration and optionally a shared loop group. */
  public static Builder builder() {
    return new Builder();
  }

  /** The address the server listens on; its port is the real one when port 0 was asked for. */
  public InetSocketAddress localAddress() {
    return acceptor.localAddress();
  }

  /** The port the server listens on. */
  public int port() {
    return localAddress().getPort();
  }

  /** The connections that are open or closing now. */
  public Set<? extends WebSocket> connections() {
    return acceptor.sessions();
  }

  /**
   * Shuts down gracefully: stops accepting, sends Close 1001 to every connection, waits for the
   * closing handshakes up to the configured close timeout, then stops the event loops (when the
   * server made them). Connections still open then are dropped.
   */
  @Override
  public void close() {
    try {
      acceptor.stopAccepting();
      List<CompletableFuture<CloseEvent>> closing =
          acceptor.sessions().stream().peek(WebSocketSession::goAway)
              .map(WebSocketSession::closeFuture).toList();
      CompletableFuture.allOf(closing.toArray(CompletableFuture[]::new))
          .get(config.closeTimeout().toMillis() + 1_000, TimeUnit.MILLISECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    } catch (ExecutionException | TimeoutException e) {
      // Stragglers are dropped below, as documented.
    } finally {
      if (ownsLoops) loops.close();
    }
  }

  /** Builds and starts a {@link WebSocketServer}. Not thread-safe. */
  public static final class Builder {
    private InetSocketAddress address = new InetSocketAddress("127.0.0.1", 0);
    private WebSocketConfig config = WebSocketConfig.defaults();
    private WebSocketHandler handler;
    private EventLoopGroup loops;
    private SSLContext tls;

    private Builder() {}

    /**
     * Serves {@code wss://}: every connection starts with a TLS handshake using {@code context}
     * (its key manager holds the server's certificate). By default the server speaks plain
     * {@code ws://}. Clients that fail the TLS handshake are dropped.
     */
    public Builder tls(SSLContext context) {
      this.tls = Objects.requireNonNull(context, "context");
      return this;
    }

    /** Where to listen; default 127.0.0.1 on a free port. */
    public Builder bind(InetSocketAddress address) {
      this.address = Objects.requireNonNull(address, "address");
      return this;
    }

    /** Limits and timeouts; default {@link WebSocketConfig#defaults()}. */
    public Builder config(WebSocketConfig config) {
      this.config = Objects.requireNonNull(config, "config");
      return this;
    }

    /** Decides every opening handshake. Required. */
    public Builder handler(WebSocketHandler handler) {
      this.handler = Objects.requireNonNull(handler, "handler");
      return this;
    }

    /**
     * Serves connections on a shared group, which the caller closes; by default the server starts
     * {@link WebSocketConfig#eventLoops()} loops of its own and stops them on close.
     */
    public Builder eventLoopGroup(EventLoopGroup loops) {
      this.loops = Objects.requireNonNull(loops, "loops");
      return this;
    }

    /**
     * Binds and starts accepting.
     *
     * @throws UncheckedIOException if the address cannot be bound
     */
    public WebSocketServer start() {
      if (handler == null) throw new IllegalStateException("a handler is required");
      boolean ownsLoops = loops == null;
      EventLoopGroup group = ownsLoops ? new EventLoopGroup(config.eventLoops()) : loops;
      try {
        Acceptor acceptor = new Acceptor(address, group, config, handler, tls);
        return new WebSocketServer(acceptor, group, ownsLoops, config);
      } catch (IOException e) {
        if (ownsLoops) group.close();
        throw new UncheckedIOException("cannot listen on " + address, e);
      }
    }
  }
}
