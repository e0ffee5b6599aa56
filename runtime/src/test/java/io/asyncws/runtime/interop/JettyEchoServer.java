package io.asyncws.runtime.interop;

import java.net.URI;
import java.nio.ByteBuffer;
import javax.net.ssl.SSLContext;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.util.ssl.SslContextFactory;
import org.eclipse.jetty.websocket.api.Callback;
import org.eclipse.jetty.websocket.api.Session;

/**
 * An in-process Jetty 12 WebSocket echo server on 127.0.0.1 and a free port: every text
 * message comes back as text, every binary one as binary, up to {@link InteropLimits#MESSAGE_MAX}.
 * A message is echoed before the next frame is read (demand after the echo was written), so a
 * fast sender is slowed by TCP rather than queued in memory.
 */
public final class JettyEchoServer implements AutoCloseable {
  private final Server server;

  private JettyEchoServer(Server server) {
    this.server = server;
  }

  /** Starts a server; close it to stop. */
  public static JettyEchoServer start() {
    return new JettyEchoServer(JettyServers.start(Echo::new));
  }

  /** A server speaking {@code wss://} with {@code tls}. */
  public static JettyEchoServer startTls(SSLContext tls) {
    SslContextFactory.Server factory = new SslContextFactory.Server();
    factory.setSslContext(tls);
    return new JettyEchoServer(JettyServers.start(Echo::new, factory));
  }

  /** {@code ws://127.0.0.1:<port>/} or {@code wss://…}. */
  public URI uri() {
    return JettyServers.uri(server);
  }

  @Override
  public void close() {
    JettyServers.stop(server);
  }

  /** One connection's echo endpoint; public because Jetty invokes it through method handles. Called one frame at a time (explicit demand). */
  public static final class Echo implements Session.Listener {
    private Session session;

    @Override
    public void onWebSocketOpen(Session session) {
      this.session = session;
      session.demand();
    }

    @Override
    public void onWebSocketText(String message) {
      session.sendText(message, Callback.from(session::demand, this::onWebSocketError));
    }

    @Override
    public void onWebSocketBinary(ByteBuffer payload, Callback callback) {
      // The buffer belongs to Jetty until callback completes, so it is released only after the echo is written.
      session.sendBinary(payload, Callback.from(() -> {
        callback.succeed();
        session.demand();
      }, failure -> {
        callback.fail(failure);
        onWebSocketError(failure);
      }));
    }

    @Override
    public void onWebSocketError(Throwable cause) {
      if (session != null) {
        session.close(1011, "echo failed", Callback.NOOP);
      }
    }
  }
}
