package io.asyncws.runtime.contract;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.asyncws.runtime.ConnectRequest;
import io.asyncws.runtime.Upgrade;
import io.asyncws.runtime.WebSocket;
import io.asyncws.runtime.WebSocketClient;
import io.asyncws.runtime.WebSocketConfig;
import io.asyncws.runtime.WebSocketHandler;
import io.asyncws.runtime.WebSocketListener;
import io.asyncws.runtime.WebSocketServer;
import io.asyncws.runtime.handshake.HandshakeFailedException;
import io.asyncws.runtime.interop.TestCertificate;
import io.asyncws.runtime.transport.EventLoopGroup;
import java.net.InetSocketAddress;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** The options of generated servers: copying, validation and the server they start. */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class ServerOptionsTest {
  private static final InetSocketAddress ANY_PORT = new InetSocketAddress("127.0.0.1", 0);
  private static final WebSocketHandler ACCEPT = request -> Upgrade.accept(new WebSocketListener() {});

  @Test
  void serverOptionsDefaultToPlainEveryOriginOwnLoops() {
    ServerOptions defaults = ServerOptions.defaults();
    assertEquals(WebSocketConfig.defaults(), defaults.config());
    assertEquals(Optional.empty(), defaults.tls());
    assertEquals(Optional.empty(), defaults.allowedOrigins());
    assertEquals(Optional.empty(), defaults.eventLoops());
  }

  @Test
  void serverOptionsCopyTheOriginsTheyAreGiven() {
    List<String> origins = new ArrayList<>(List.of("https://app.example.com"));
    ServerOptions options = ServerOptions.defaults().withAllowedOrigins(origins);
    origins.add("https://evil.example");
    assertEquals(Optional.of(List.of("https://app.example.com")), options.allowedOrigins());
  }

  @Test
  void serverOptionsRefuseMalformedOriginWhenGiven() {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> ServerOptions.defaults().withAllowedOrigins(List.of("app.example.com/page")));
    assertTrue(e.getMessage().contains("app.example.com/page"), e.getMessage());
  }

  @Test
  void serverWithTlsServesWssAndRefusesPlainClient() throws Exception {
    TestCertificate cert = TestCertificate.localhost();
    try (WebSocketServer server = ServerOptions.defaults().withTls(cert.serverContext()).startServer(ANY_PORT, ACCEPT);
        WebSocketClient client = ClientOptions.defaults().withTls(cert.clientContext()).newWebSocketClient()) {
      WebSocket socket = client.connect(ConnectRequest.to("wss://127.0.0.1:" + server.port() + "/"),
          new WebSocketListener() {}).get(20, TimeUnit.SECONDS);
      socket.close();
      assertThrows(ExecutionException.class,
          () -> client.connect(ConnectRequest.to("ws://127.0.0.1:" + server.port() + "/"), new WebSocketListener() {})
              .get(20, TimeUnit.SECONDS));
    }
  }

  @Test
  void serverWithAllowedOriginsRefusesOtherOriginWith403AndAdmitsListedOne() throws Exception {
    ServerOptions options = ServerOptions.defaults().withAllowedOrigins(List.of("https://app.example.com"));
    try (WebSocketServer server = options.startServer(ANY_PORT, ACCEPT);
        WebSocketClient client = ClientOptions.defaults().newWebSocketClient()) {
      ConnectRequest request = ConnectRequest.to("ws://127.0.0.1:" + server.port() + "/");
      ExecutionException refused = assertThrows(ExecutionException.class,
          () -> client.connect(request.withHeader("Origin", "https://evil.example"), new WebSocketListener() {})
              .get(20, TimeUnit.SECONDS));
      assertEquals(403, assertInstanceOf(HandshakeFailedException.class, refused.getCause()).status());
      client.connect(request.withHeader("Origin", "https://APP.example.com:443"), new WebSocketListener() {})
          .get(20, TimeUnit.SECONDS).close();
    }
  }

  @Test
  void serverOnSharedGroupLeavesItRunningWhenClosed() throws Exception {
    try (EventLoopGroup group = new EventLoopGroup(1)) {
      ServerOptions options = ServerOptions.defaults().withEventLoopGroup(group);
      options.startServer(ANY_PORT, ACCEPT).close();
      CompletableFuture<Boolean> ran = new CompletableFuture<>();
      group.next().execute(() -> ran.complete(true));
      assertTrue(ran.get(5, TimeUnit.SECONDS), "the shared loop still runs tasks");
    }
  }
}
