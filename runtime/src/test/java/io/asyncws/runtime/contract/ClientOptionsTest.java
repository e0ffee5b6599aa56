package io.asyncws.runtime.contract;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.asyncws.runtime.Upgrade;
import io.asyncws.runtime.WebSocket;
import io.asyncws.runtime.WebSocketClient;
import io.asyncws.runtime.WebSocketConfig;
import io.asyncws.runtime.WebSocketListener;
import io.asyncws.runtime.WebSocketServer;
import io.asyncws.runtime.interop.TestCertificate;
import java.net.InetSocketAddress;
import java.net.URI;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLHandshakeException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** The options of generated clients: copying, validation and the WebSocket client they make. */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class ClientOptionsTest {
  private static final TestCertificate CERT = TestCertificate.localhost();

  @Test
  void clientOptionsDefaultToJdkTlsAndWithMethodsChangeOneComponent() {
    ClientOptions defaults = ClientOptions.defaults();
    assertEquals(Optional.empty(), defaults.tls());
    SSLContext context = CERT.clientContext();
    ClientOptions tuned = defaults.withTls(context).withRequestTimeout(Duration.ofSeconds(3)).withMaxPendingRequests(7);
    assertSame(context, tuned.tls().orElseThrow());
    assertEquals(Duration.ofSeconds(3), tuned.requestTimeout());
    assertEquals(7, tuned.maxPendingRequests());
    assertSame(defaults.config(), tuned.config());
    assertSame(context, tuned.withConfig(WebSocketConfig.defaults()).tls().orElseThrow(), "TLS kept");
  }

  @Test
  void clientOptionsRefuseNullTlsContext() {
    assertThrows(NullPointerException.class, () -> ClientOptions.defaults().withTls(null));
  }

  @Test
  void clientWithTlsContextConnectsToWssServerItTrusts() throws Exception {
    try (WebSocketServer server = server(CERT.serverContext());
        WebSocketClient client = ClientOptions.defaults().withTls(CERT.clientContext()).newWebSocketClient()) {
      WebSocket socket = client.connect(URI.create("wss://127.0.0.1:" + server.port() + "/"),
          new WebSocketListener() {}).get(20, TimeUnit.SECONDS);
      socket.close();
    }
  }

  @Test
  void clientWithoutTlsContextChecksWssServerAgainstJdkTrustStore() throws Exception {
    try (WebSocketServer server = server(CERT.serverContext());
        WebSocketClient client = ClientOptions.defaults().newWebSocketClient()) {
      ExecutionException failure = assertThrows(ExecutionException.class,
          () -> client.connect(URI.create("wss://127.0.0.1:" + server.port() + "/"), new WebSocketListener() {})
              .get(20, TimeUnit.SECONDS));
      SSLHandshakeException cause = assertInstanceOf(SSLHandshakeException.class, failure.getCause());
      assertTrue(cause.getMessage().contains("PKIX path building failed"), cause.getMessage());
    }
  }

  @Test
  void clientWithTlsContextConnectsPlainToWsUrl() throws Exception {
    try (WebSocketServer server = server(null);
        WebSocketClient client = ClientOptions.defaults().withTls(CERT.clientContext()).newWebSocketClient()) {
      WebSocket socket = client.connect(URI.create("ws://127.0.0.1:" + server.port() + "/"),
          new WebSocketListener() {}).get(20, TimeUnit.SECONDS);
      socket.close();
    }
  }

  /** A server that accepts every handshake, over TLS when {@code tls} is not null. */
  private static WebSocketServer server(SSLContext tls) {
    ServerOptions options = tls == null ? ServerOptions.defaults() : ServerOptions.defaults().withTls(tls);
    return options.startServer(new InetSocketAddress("127.0.0.1", 0), request -> Upgrade.accept(new WebSocketListener() {}));
  }
}
