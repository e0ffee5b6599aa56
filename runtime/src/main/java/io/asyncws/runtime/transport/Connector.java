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
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Locale;
import java.util.Random;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import javax.net.ssl.SNIHostName;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLEngine;
import javax.net.ssl.SSLParameters;

/**
 * Opens client connections on the loops of a group. Internal: applications use {@code
 * io.asyncws.runtime.WebSocketClient}.
 *
 * <p>Thread-safety: {@link #connect} may be called from any thread.
 */
public final class Connector {
  private final EventLoopGroup loops;
  private final WebSocketConfig config;
  /** For {@code wss://}; null means {@link SSLContext#getDefault()}, looked up when first needed. */
  private final SSLContext tls;
  /** Mask keys and handshake nonces must be unpredictable to the network (RFC 6455 §10.3). */
  private final Random random = new SecureRandom();

  /**
   * A connector on {@code loops}.
   *
   * @param tls the context {@code wss://} connections use, or null for the JDK's default (its
   *     default trust store)
   */
  public Connector(EventLoopGroup loops, WebSocketConfig config, SSLContext tls) {
    this.loops = loops;
    this.config = config;
    this.tls = tls;
  }

  /**
   * Connects to {@code request.url()}. The host name is resolved on the calling thread. The
   * future completes with the open connection, or fails with the reason it could not open; in
   * that case {@code listener} hears nothing.
   */
  public CompletableFuture<WebSocket> connect(ConnectRequest request, WebSocketListener listener) {
    CompletableFuture<WebSocket> result = new CompletableFuture<>();
    boolean secure = request.url().getScheme().toLowerCase(Locale.ROOT).equals("wss");
    int port = request.url().getPort() != -1 ? request.url().getPort() : secure ? 443 : 80;
    String host = hostOf(request);
    SSLEngine engine;
    try {
      engine = secure ? clientEngine(host, port) : null;
    } catch (GeneralSecurityException | IOException | RuntimeException e) {
      result.completeExceptionally(
          new IOException("Cannot set up TLS for " + request.url() + ": " + e.getMessage(), e));
      return result;
    }
    InetSocketAddress address = new InetSocketAddress(host, port);
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
    loop.execute(() -> start(channel, loop, address, engine, request, listener, result));
    return result;
  }

  /** The URL's host without the brackets of an IPv6 literal. */
  private static String hostOf(ConnectRequest request) {
    String host = request.url().getHost();
    return host.startsWith("[") && host.endsWith("]") ? host.substring(1, host.length() - 1) : host;
  }

  /**
   * A client engine that verifies the server's certificate against {@code host} (as HTTPS does)
   * and names {@code host} in SNI unless it is an IP literal, which SNI does not allow.
   */
  private SSLEngine clientEngine(String host, int port)
      throws GeneralSecurityException, IOException {
    SSLContext context = tls != null ? tls : SSLContext.getDefault();
    SSLEngine engine = context.createSSLEngine(host, port);
    engine.setUseClientMode(true);
    SSLParameters parameters = engine.getSSLParameters();
    parameters.setEndpointIdentificationAlgorithm("HTTPS");
    if (!isIpLiteral(host)) parameters.setServerNames(List.of(new SNIHostName(host)));
    engine.setSSLParameters(parameters);
    engine.beginHandshake();
    return engine;
  }

  private static boolean isIpLiteral(String host) {
    return host.contains(":") || host.matches("[0-9.]+");
  }

  private void start(
      SocketChannel channel,
      EventLoop loop,
      InetSocketAddress address,
      SSLEngine engine,
      ConnectRequest request,
      WebSocketListener listener,
      CompletableFuture<WebSocket> result) {
    NioConnection connection = new NioConnection(channel, loop, config.writeBufferHighWaterMark());
    if (engine != null) {
      connection.useTls(
          new TlsChannel(channel, engine, address.getHostString() + ":" + address.getPort()));
    }
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
