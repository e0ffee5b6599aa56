package io.asyncws.runtime.interop;

import java.net.URI;
import java.util.concurrent.CompletableFuture;
import org.eclipse.jetty.server.Server;

/**
 * An in-process Jetty 12 server on 127.0.0.1 and a free port that plays a {@link MessagePlan}
 * to the first client that connects (an echo client under test), verifies the echoes and
 * closes with 1000 {@value MessagePlan#CLOSE_REASON}. Later connections are refused with an upgrade failure.
 */
public final class JettySendServer implements AutoCloseable {
  private final Server server;
  private final JettyPlanEndpoint endpoint;

  private JettySendServer(MessagePlan plan) {
    this.endpoint = new JettyPlanEndpoint(plan);
    CompletableFuture<Boolean> taken = new CompletableFuture<>();
    this.server = JettyServers.start(() -> taken.complete(true) ? endpoint : null);
  }

  /** Starts a server that will send {@code plan}; close it to stop. */
  public static JettySendServer start(MessagePlan plan) {
    return new JettySendServer(plan);
  }

  /** {@code ws://127.0.0.1:<port>/}. */
  public URI uri() {
    return JettyServers.uri(server);
  }

  /** Completes with the number of verified echoes after the close handshake, or fails with the first problem. */
  public CompletableFuture<Integer> result() {
    return endpoint.result();
  }

  @Override
  public void close() {
    JettyServers.stop(server);
  }
}
