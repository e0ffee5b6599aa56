package io.asyncws.runtime;

import io.asyncws.runtime.transport.Connector;
import io.asyncws.runtime.transport.EventLoopGroup;
import java.net.URI;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;

/**
 * Opens WebSocket connections. One client may open any number of connections; they share its
 * event loops.
 *
 * <pre>{@code
 * try (WebSocketClient client = WebSocketClient.create()) {
 *   WebSocket socket = client.connect(URI.create("ws://127.0.0.1:8080/"), listener).join();
 *   socket.send("hello");
 * }
 * }</pre>
 *
 * <p>Thread-safety: every method may be called from any thread.
 */
public final class WebSocketClient implements AutoCloseable {
  private final Connector connector;
  private final EventLoopGroup loops;
  private final boolean ownsLoops;

  private WebSocketClient(WebSocketConfig config, EventLoopGroup loops, boolean ownsLoops) {
    this.loops = loops;
    this.ownsLoops = ownsLoops;
    this.connector = new Connector(loops, config);
  }

  /** A client with the default configuration and one event loop of its own. */
  public static WebSocketClient create() {
    return create(WebSocketConfig.builder().eventLoops(1).build());
  }

  /** A client with {@code config.eventLoops()} event loops of its own. */
  public static WebSocketClient create(WebSocketConfig config) {
    return new WebSocketClient(config, new EventLoopGroup(config.eventLoops()), true);
  }

  /** A client on a shared group, which the caller closes. */
  public static WebSocketClient create(WebSocketConfig config, EventLoopGroup loops) {
    return new WebSocketClient(config, Objects.requireNonNull(loops, "loops"), false);
  }

  /** Connects to {@code url}; see {@link #connect(ConnectRequest, WebSocketListener)}. */
  public CompletableFuture<WebSocket> connect(URI url, WebSocketListener listener) {
    return connect(ConnectRequest.to(url), listener);
  }

  /**
   * Connects and performs the opening handshake. The future completes with the open connection
   * right after {@link WebSocketListener#onOpen}; when the connection cannot be opened it fails
   * with the reason (the server's status, a timeout, a refused connection) and the listener hears
   * nothing.
   */
  public CompletableFuture<WebSocket> connect(ConnectRequest request, WebSocketListener listener) {
    return connector.connect(request, Objects.requireNonNull(listener, "listener"));
  }

  /** Stops the client's own event loops, dropping their connections; close connections first. */
  @Override
  public void close() {
    if (ownsLoops) loops.close();
  }
}
