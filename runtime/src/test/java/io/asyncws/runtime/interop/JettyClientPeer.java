package io.asyncws.runtime.interop;

import java.net.URI;
import java.time.Duration;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
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
    return run(uri, plan, timeout, false);
  }

  /**
   * As {@link #run(URI, MessagePlan, Duration)}, offering permessage-deflate when {@code deflate}
   * (Jetty's client does not offer it unless asked) and then failing unless it was accepted.
   */
  public static int run(URI uri, MessagePlan plan, Duration timeout, boolean deflate)
      throws Exception {
    WebSocketClient client = new WebSocketClient();
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
