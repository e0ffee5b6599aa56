package io.asyncws.runtime.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.asyncws.runtime.AllowedOrigins;
import io.asyncws.runtime.Upgrade;
import io.asyncws.runtime.WebSocketListener;
import io.asyncws.runtime.WebSocketServer;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.net.http.WebSocketHandshakeException;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** The Origin allow-list refuses cross-site handshakes with 403, seen from the JDK client. */
@Timeout(30)
class AllowedOriginsTest {
  private static final HttpClient HTTP = HttpClient.newHttpClient();

  private static int status(WebSocketServer server, String origin) throws Exception {
    WebSocket.Builder builder = HTTP.newWebSocketBuilder();
    if (origin != null) builder.header("Origin", origin);
    try {
      builder.buildAsync(URI.create("ws://127.0.0.1:" + server.port() + "/"), new WebSocket.Listener() {})
          .get(5, TimeUnit.SECONDS)
          .abort();
      return 101;
    } catch (ExecutionException e) {
      return assertInstanceOf(WebSocketHandshakeException.class, e.getCause()).getResponse().statusCode();
    }
  }

  @Test
  void onlyListedOriginsGetThrough() throws Exception {
    AllowedOrigins guard =
        AllowedOrigins.of(List.of("https://App.Example.com:443", "http://localhost:8080"),
            request -> Upgrade.accept(new WebSocketListener() {}));
    try (WebSocketServer server = WebSocketServer.builder().handler(guard).start()) {
      assertEquals(101, status(server, "https://app.example.com"));
      assertEquals(101, status(server, "http://localhost:8080"));
      assertEquals(403, status(server, "https://evil.example"));
      assertEquals(403, status(server, "http://localhost:8081"));
      assertEquals(403, status(server, "null")); // sandboxed iframes and file: pages
      assertEquals(101, status(server, null)); // not a browser
    }
    try (WebSocketServer strict = WebSocketServer.builder().handler(guard.requiringOrigin()).start()) {
      assertEquals(403, status(strict, null));
    }
  }

  @Test
  void malformedAllowedOriginIsRefusedUpFront() {
    assertThrows(IllegalArgumentException.class,
        () -> AllowedOrigins.of(List.of("https://app.example.com/path"), request -> null));
  }
}
