package io.asyncws.benchmarks.peers;

import java.nio.ByteBuffer;
import java.time.Duration;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.websocket.api.Callback;
import org.eclipse.jetty.websocket.api.Session;
import org.eclipse.jetty.websocket.server.WebSocketUpgradeHandler;

/**
 * The Jetty 12 peer: Jetty's WebSocket API on Jetty core (no servlets), on any path, text and
 * binary messages echoed, 1 MiB message limit. Default thread pool.
 *
 * <pre>java -cp benchmarks.jar io.asyncws.benchmarks.peers.JettyEchoServer --port P</pre>
 */
public final class JettyEchoServer {
  private JettyEchoServer() {}

  /** Serves until the process is stopped. */
  public static void main(String[] args) throws Exception {
    int port = PeerPort.parse(args, "JettyEchoServer");
    Server server = new Server();
    ServerConnector connector = new ServerConnector(server);
    connector.setPort(port);
    connector.setAcceptQueueSize(1024);
    server.addConnector(connector);
    server.setHandler(
        WebSocketUpgradeHandler.from(
            server,
            container -> {
              container.setMaxTextMessageSize(PeerLimits.MAX_MESSAGE);
              container.setMaxBinaryMessageSize(PeerLimits.MAX_MESSAGE);
              // Idle connections must outlive the memory cell; the other peers have no idle timeout.
              container.setIdleTimeout(Duration.ofMinutes(10));
              container.addMapping("/*", (request, response, callback) -> new Echo());
            }));
    server.setStopAtShutdown(true);
    server.start();
    System.out.println("jetty echo server listening on ws://127.0.0.1:" + port + "/");
    System.out.flush();
    server.join();
  }

  /**
   * Sends each whole message back; Jetty answers Pings itself. Auto-demanding, so Jetty reads on
   * by itself: a text echo is queued without waiting ({@link Callback#NOOP}), so many are in
   * flight; a binary echo completes Jetty's callback once written, since Jetty owns the payload
   * until then, and only then is the next frame read. That is Jetty's own idiom, and no handicap
   * here: on loopback the write completes at once, so binary echoes do not wait on each other,
   * and pipelining them otherwise would cost a copy of every payload.
   */
  public static final class Echo implements Session.Listener.AutoDemanding {
    private Session session;

    @Override
    public void onWebSocketOpen(Session session) {
      this.session = session;
    }

    @Override
    public void onWebSocketText(String message) {
      session.sendText(message, Callback.NOOP);
    }

    @Override
    public void onWebSocketBinary(ByteBuffer payload, Callback callback) {
      // Jetty owns the payload until callback completes: complete it once the echo is sent.
      session.sendBinary(payload, callback);
    }
  }
}
