package io.asyncws.runtime.interop;

import java.net.URI;
import java.util.function.Supplier;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.util.ssl.SslContextFactory;
import org.eclipse.jetty.websocket.api.Session;
import org.eclipse.jetty.websocket.server.WebSocketUpgradeHandler;

/** Starts and stops the in-process Jetty 12 servers of {@link JettyEchoServer} and {@link JettySendServer}. */
final class JettyServers {
  private JettyServers() {}

  /** A started Jetty server on 127.0.0.1 and a free port, every path upgraded to a new endpoint. */
  static Server start(Supplier<Session.Listener> endpoints) {
    return start(endpoints, null);
  }

  /** As {@link #start(Supplier)}, speaking TLS with {@code tls} unless it is null. */
  static Server start(Supplier<Session.Listener> endpoints, SslContextFactory.Server tls) {
    Server server = new Server();
    ServerConnector connector = tls == null ? new ServerConnector(server) : new ServerConnector(server, tls);
    connector.setHost("127.0.0.1");
    connector.setPort(0);
    server.addConnector(connector);
    server.setHandler(WebSocketUpgradeHandler.from(server, container -> {
      InteropLimits.configureJetty(container);
      container.addMapping("/", (request, response, callback) -> endpoints.get());
    }));
    try {
      server.start();
    } catch (Exception e) {
      stop(server);
      throw new IllegalStateException("The Jetty server did not start: " + e, e);
    }
    return server;
  }

  /** {@code ws://127.0.0.1:<port>/} of a started server. */
  static URI uri(Server server) {
    String scheme = server.getConnectors()[0].getDefaultConnectionFactory().getProtocol().startsWith("SSL") ? "wss" : "ws";
    return URI.create(scheme + "://127.0.0.1:" + ((ServerConnector) server.getConnectors()[0]).getLocalPort() + "/");
  }

  /** Stops the server; a failure to stop is a test failure. */
  static void stop(Server server) {
    try {
      server.stop();
    } catch (Exception e) {
      throw new IllegalStateException("The Jetty server did not stop: " + e, e);
    }
  }
}
