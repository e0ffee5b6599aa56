package io.asyncws.runtime.transport;

import io.asyncws.runtime.WebSocketConfig;
import io.asyncws.runtime.WebSocketHandler;
import io.asyncws.runtime.session.WebSocketSession;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.StandardSocketOptions;
import java.nio.channels.AsynchronousCloseException;
import java.nio.channels.SelectionKey;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.nio.ByteBuffer;
import java.util.logging.Level;
import java.util.logging.Logger;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLEngine;

/**
 * Accepts TCP connections on one thread and hands each to the next event loop of a group, where
 * the opening handshake and everything after it runs. Internal: applications use {@code
 * io.asyncws.runtime.WebSocketServer}.
 *
 * <p>Thread-safety: {@link #sessions()} and {@link #stopAccepting()} may be called from any
 * thread.
 */
public final class Acceptor {
  private static final Logger LOG = Logger.getLogger(Acceptor.class.getName());
  /** Connections the kernel may hold for us while the accept thread is busy. */
  private static final int BACKLOG = 1024;

  private final ServerSocketChannel serverChannel;
  private final EventLoopGroup loops;
  private final WebSocketConfig config;
  private final WebSocketHandler handler;
  /** Null for plain {@code ws://}. */
  private final SSLContext tls;
  private final Set<WebSocketSession> sessions = ConcurrentHashMap.newKeySet();
  /** Connections accepted and not yet closed, handshaking or open. */
  private final AtomicInteger open = new AtomicInteger();
  private static final byte[] SERVICE_UNAVAILABLE =
      ("HTTP/1.1 503 Service Unavailable\r\nConnection: close\r\nContent-Length: 0\r\n\r\n")
          .getBytes(java.nio.charset.StandardCharsets.US_ASCII);
  private final Thread thread;

  /**
   * Binds {@code address} and starts accepting.
   *
   * @param tls the server's TLS context ({@code wss://}), or null for plain {@code ws://}
   */
  public Acceptor(
      InetSocketAddress address,
      EventLoopGroup loops,
      WebSocketConfig config,
      WebSocketHandler handler,
      SSLContext tls)
      throws IOException {
    this.tls = tls;
    this.loops = loops;
    this.config = config;
    this.handler = handler;
    this.serverChannel = ServerSocketChannel.open();
    try {
      serverChannel.setOption(StandardSocketOptions.SO_REUSEADDR, true);
      serverChannel.bind(address, BACKLOG);
    } catch (IOException e) {
      serverChannel.close();
      throw e;
    }
    this.thread = new Thread(this::acceptLoop, "asyncws-acceptor-" + localAddress().getPort());
    thread.setDaemon(true);
    thread.start();
  }

  /** The bound address, with the actual port when port 0 was asked for. */
  public InetSocketAddress localAddress() {
    try {
      return (InetSocketAddress) serverChannel.getLocalAddress();
    } catch (IOException e) {
      throw new IllegalStateException("the server socket is closed", e);
    }
  }

  /** The sessions that are open or closing now. */
  public Set<WebSocketSession> sessions() {
    return Set.copyOf(sessions);
  }

  /** Closes the listening socket; connections already accepted carry on. */
  public void stopAccepting() throws InterruptedException {
    try {
      serverChannel.close();
    } catch (IOException e) {
      LOG.log(Level.FINE, "closing the server socket failed", e);
    }
    thread.join(5_000);
  }

  private void acceptLoop() {
    while (serverChannel.isOpen()) {
      SocketChannel channel;
      try {
        channel = serverChannel.accept();
      } catch (AsynchronousCloseException e) {
        return;
      } catch (IOException e) {
        // Out of descriptors and the like: back off briefly rather than spin.
        LOG.log(Level.WARNING, "accept failed", e);
        pause();
        continue;
      }
      if (open.get() >= config.maxConnections()) {
        refuse(channel);
        continue;
      }
      open.incrementAndGet();
      try {
        channel.configureBlocking(false);
        channel.setOption(StandardSocketOptions.TCP_NODELAY, true);
        InetSocketAddress remote = (InetSocketAddress) channel.getRemoteAddress();
        EventLoop loop = loops.next();
        loop.execute(() -> start(channel, loop, remote));
      } catch (IOException e) {
        LOG.log(Level.FINE, "accepted connection failed", e);
        open.decrementAndGet();
        closeQuietly(channel);
      }
    }
  }

  /**
   * Over the connection limit: a short 503 (a few bytes that fit any socket buffer, written while
   * the channel is still blocking) and close, so the client learns why instead of timing out.
   */
  private static void refuse(SocketChannel channel) {
    try {
      channel.write(ByteBuffer.wrap(SERVICE_UNAVAILABLE));
    } catch (IOException ignored) {
      // The client left already; nothing to tell it.
    }
    closeQuietly(channel);
  }

  private void start(SocketChannel channel, EventLoop loop, InetSocketAddress remote) {
    NioConnection connection =
        new NioConnection(channel, loop, config.writeBufferHighWaterMark());
    connection.whenClosed(open::decrementAndGet);
    try {
      if (tls != null) {
        SSLEngine engine = tls.createSSLEngine();
        engine.setUseClientMode(false);
        engine.beginHandshake();
        connection.useTls(new TlsChannel(channel, engine, remote.getHostString() + ":" + remote.getPort()));
      }
    } catch (IOException | RuntimeException e) {
      LOG.log(Level.WARNING, "cannot start TLS on an accepted connection", e);
      open.decrementAndGet();
      closeQuietly(channel);
      return;
    }
    ServerUpgrade upgrade =
        new ServerUpgrade(
            connection, config, handler, session -> track(connection, session), remote);
    try {
      connection.register(SelectionKey.OP_READ, upgrade);
    } catch (IOException e) {
      open.decrementAndGet();
      closeQuietly(channel);
    }
  }

  /**
   * Counts the session among {@link #sessions()} until its connection closes. The connection's
   * own close hook removes it: a completion stage on the session's close future would cost an
   * idle connection three more objects. The hook replaces the one {@code start} set, so it also
   * counts the connection out as that one did.
   */
  private void track(NioConnection connection, WebSocketSession session) {
    sessions.add(session);
    connection.whenClosed(
        () -> {
          open.decrementAndGet();
          sessions.remove(session);
        });
  }

  private static void pause() {
    try {
      Thread.sleep(50);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
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
