package io.asyncws.runtime.transport;

import io.asyncws.runtime.ConnectRequest;
import io.asyncws.runtime.WebSocket;
import io.asyncws.runtime.WebSocketConfig;
import io.asyncws.runtime.WebSocketListener;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.StandardSocketOptions;
import java.nio.channels.SelectionKey;
import java.nio.channels.SocketChannel;
import java.security.SecureRandom;
import java.util.Locale;
import java.util.Random;
import java.util.concurrent.CompletableFuture;

/**
 * Opens client connections on the loops of a group. Internal: applications use {@code
 * io.asyncws.runtime.WebSocketClient}.
 *
 * <p>Thread-safety: {@link #connect} may be called from any thread.
 */
public final class Connector {
  private final EventLoopGroup loops;
  private final WebSocketConfig config;
  /** Mask keys and handshake nonces must be unpredictable to the network (RFC 6455 §10.3). */
  private final Random random = new SecureRandom();

  public Connector(EventLoopGroup loops, WebSocketConfig config) {
    this.loops = loops;
    this.config = config;
  }

  /**
   * Connects to {@code request.url()}. The host name is resolved on the calling thread. The
   * future completes with the open connection, or fails with the reason it could not open; in
   * that case {@code listener} hears nothing.
   */
  public CompletableFuture<WebSocket> connect(ConnectRequest request, WebSocketListener listener) {
    CompletableFuture<WebSocket> result = new CompletableFuture<>();
    String scheme = request.url().getScheme().toLowerCase(Locale.ROOT);
    if (scheme.equals("wss")) {
      result.completeExceptionally(
          new UnsupportedOperationException("wss:// (TLS) is not supported yet: " + request.url()));
      return result;
    }
    int port = request.url().getPort() == -1 ? 80 : request.url().getPort();
    InetSocketAddress address = new InetSocketAddress(request.url().getHost(), port);
    if (address.isUnresolved()) {
      result.completeExceptionally(
          new IOException("cannot resolve host " + request.url().getHost()));
      return result;
    }
    SocketChannel channel;
    try {
      channel = SocketChannel.open();
      channel.configureBlocking(false);
      channel.setOption(StandardSocketOptions.TCP_NODELAY, true);
    } catch (IOException e) {
      result.completeExceptionally(e);
      return result;
    }
    EventLoop loop = loops.next();
    loop.execute(() -> start(channel, loop, address, request, listener, result));
    return result;
  }

  private void start(
      SocketChannel channel,
      EventLoop loop,
      InetSocketAddress address,
      ConnectRequest request,
      WebSocketListener listener,
      CompletableFuture<WebSocket> result) {
    NioConnection connection = new NioConnection(channel, loop, config.writeBufferHighWaterMark());
    ClientUpgrade upgrade =
        new ClientUpgrade(connection, request, config, listener, random, result);
    try {
      connection.register(SelectionKey.OP_CONNECT, upgrade);
    } catch (IOException e) {
      result.completeExceptionally(e);
      closeQuietly(channel);
      return;
    }
    try {
      if (channel.connect(address)) connection.onConnectable();
    } catch (IOException e) {
      upgrade.onIoError(e);
    }
  }

  private static void closeQuietly(SocketChannel channel) {
    try {
      channel.close();
    } catch (IOException ignored) {
      // Nothing more to release.
    }
  }
}
