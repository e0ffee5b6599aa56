package io.asyncws.runtime.interop;

import java.net.URI;
import java.time.Duration;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import javax.net.ssl.SSLContext;
import org.eclipse.jetty.client.HttpClient;
import org.eclipse.jetty.client.transport.HttpClientTransportDynamic;
import org.eclipse.jetty.io.ClientConnector;
import org.eclipse.jetty.util.ssl.SslContextFactory;
import org.eclipse.jetty.websocket.api.Session;
import org.eclipse.jetty.websocket.client.ClientUpgradeRequest;
import org.eclipse.jetty.websocket.client.WebSocketClient;

/**
 * A Jetty 12 WebSocket client that sends a {@link MessagePlan} to an echo server and
 * verifies every echo (see {@link JettyPlanEndpoint}); fragmented plans use Jetty's partial
 * sends.
 */
public final class JettyClientPeer {
  private JettyClientPeer() {}

  /**
   * Plays {@code plan} against the echo server at {@code uri}.
   *
   * @return the number of verified echoes (all of them)
   * @throws AssertionError on a wrong echo, an early close, or when {@code timeout} passes
   */
  public static int run(URI uri, MessagePlan plan, Duration timeout) throws Exception {
    return run(uri, plan, timeout, null);
  }

  /** As {@link #run(URI, MessagePlan, Duration)}, {@code wss://} trusting {@code tls}. */
  public static int run(URI uri, MessagePlan plan, Duration timeout, SSLContext tls) throws Exception {
    return run(uri, plan, timeout, tls, false);
  }

  /**
   * As {@link #run(URI, MessagePlan, Duration)}, offering permessage-deflate (Jetty's client
   * does not offer it unless asked) and failing unless it was accepted.
   */
  public static int runDeflate(URI uri, MessagePlan plan, Duration timeout) throws Exception {
    return run(uri, plan, timeout, null, true);
  }

  private static int run(URI uri, MessagePlan plan, Duration timeout, SSLContext tls, boolean deflate)
      throws Exception {
    WebSocketClient client;
    if (tls == null) {
      client = new WebSocketClient();
    } else {
      SslContextFactory.Client factory = new SslContextFactory.Client();
      factory.setSslContext(tls);
      ClientConnector connector = new ClientConnector();
      connector.setSslContextFactory(factory);
      client = new WebSocketClient(new HttpClient(new HttpClientTransportDynamic(connector)));
    }
    InteropLimits.configureJetty(client);
    client.start();
    try {
      JettyPlanEndpoint endpoint = new JettyPlanEndpoint(plan);
      ClientUpgradeRequest request = new ClientUpgradeRequest();
      if (deflate) request.addExtensions("permessage-deflate");
      Session session =
          client.connect(endpoint, uri, request).get(timeout.toMillis(), TimeUnit.MILLISECONDS);
      if (deflate
          && session.getUpgradeResponse().getExtensions().stream()
              .noneMatch(e -> e.getName().equals("permessage-deflate"))) {
        throw new AssertionError("Jetty client: permessage-deflate was not accepted by " + uri);
      }
      return endpoint.result().get(timeout.toMillis(), TimeUnit.MILLISECONDS);
    } catch (ExecutionException e) {
      throw e.getCause() instanceof AssertionError a ? a : new AssertionError("Jetty client failed.", e.getCause());
    } catch (TimeoutException e) {
      throw new AssertionError("Jetty client did not finish plan " + plan + " within " + timeout + ".", e);
    } finally {
      client.stop();
    }
  }
}
