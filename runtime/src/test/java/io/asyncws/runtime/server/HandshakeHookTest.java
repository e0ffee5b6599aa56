package io.asyncws.runtime.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.asyncws.runtime.HandshakeRequest;
import io.asyncws.runtime.Upgrade;
import io.asyncws.runtime.WebSocketListener;
import io.asyncws.runtime.WebSocketServer;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.net.http.WebSocketHandshakeException;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * The server's handshake hook, seen from an independent client (the JDK's): what the request
 * carries, refusal with a status, a failing hook, and subprotocol choice.
 */
@Timeout(30)
class HandshakeHookTest {
  private static final CompletableFuture<HandshakeRequest> lastRequest = new CompletableFuture<>();
  private static WebSocketServer server;
  private static final HttpClient http = HttpClient.newHttpClient();

  @BeforeAll
  static void start() {
    server =
        WebSocketServer.builder()
            .handler(
                request -> {
                  switch (request.path()) {
                    case "/inspect/réunion" -> lastRequest.complete(request);
                    case "/forbidden" -> {
                      return Upgrade.reject(403, "no entry");
                    }
                    case "/broken" -> throw new IllegalStateException("bug in the hook");
                    case "/chat" -> {
                      return Upgrade.accept(new WebSocketListener() {}, "chat.v2");
                    }
                    default -> {}
                  }
                  return Upgrade.accept(new WebSocketListener() {});
                })
            .start();
  }

  @AfterAll
  static void stop() {
    server.close();
  }

  private static CompletableFuture<WebSocket> connect(String pathAndQuery, String... protocols) {
    WebSocket.Builder builder = http.newWebSocketBuilder().header("Origin", "https://app.example");
    if (protocols.length > 0) {
      builder.subprotocols(protocols[0], java.util.Arrays.copyOfRange(protocols, 1, protocols.length));
    }
    return builder.buildAsync(
        URI.create("ws://127.0.0.1:" + server.port() + pathAndQuery), new WebSocket.Listener() {});
  }

  @Test
  void hookSeesDecodedPathQueryHeadersAndOrigin() throws Exception {
    WebSocket socket = connect("/inspect/r%C3%A9union?room=a%20b&tag=1&tag=2").get(5, TimeUnit.SECONDS);
    HandshakeRequest request = lastRequest.get(5, TimeUnit.SECONDS);
    assertEquals("/inspect/réunion", request.path());
    assertEquals("room=a%20b&tag=1&tag=2", request.rawQuery());
    assertEquals(Optional.of("a b"), request.queryParameter("room"));
    assertEquals(List.of("1", "2"), request.queryParameters().get("tag"));
    assertEquals(Optional.of("https://app.example"), request.origin());
    assertEquals(Optional.of("websocket"), request.header("upgrade").map(String::toLowerCase));
    assertEquals("127.0.0.1", request.remoteAddress().getAddress().getHostAddress());
    socket.abort();
  }

  @Test
  void hookRefusesWithItsStatus() {
    ExecutionException failure =
        assertThrows(ExecutionException.class, () -> connect("/forbidden").get(5, TimeUnit.SECONDS));
    WebSocketHandshakeException refused = assertInstanceOf(WebSocketHandshakeException.class, failure.getCause());
    assertEquals(403, refused.getResponse().statusCode());
  }

  @Test
  void failingHookAnswers500AndServerCarriesOn() throws Exception {
    ExecutionException failure =
        assertThrows(ExecutionException.class, () -> connect("/broken").get(5, TimeUnit.SECONDS));
    WebSocketHandshakeException refused = assertInstanceOf(WebSocketHandshakeException.class, failure.getCause());
    assertEquals(500, refused.getResponse().statusCode());
    connect("/fine").get(5, TimeUnit.SECONDS).abort();
  }

  @Test
  void hookChoosesAnOfferedSubprotocol() throws Exception {
    WebSocket socket = connect("/chat", "chat.v1", "chat.v2").get(5, TimeUnit.SECONDS);
    assertEquals("chat.v2", socket.getSubprotocol());
    socket.abort();
  }

  @Test
  void hookChoosingASubprotocolNotOfferedRefusesRatherThanLies() {
    ExecutionException failure =
        assertThrows(ExecutionException.class, () -> connect("/chat", "other").get(5, TimeUnit.SECONDS));
    assertInstanceOf(WebSocketHandshakeException.class, failure.getCause());
  }
}
