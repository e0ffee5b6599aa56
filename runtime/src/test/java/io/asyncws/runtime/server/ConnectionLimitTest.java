package io.asyncws.runtime.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.asyncws.runtime.CloseEvent;
import io.asyncws.runtime.Upgrade;
import io.asyncws.runtime.WebSocket;
import io.asyncws.runtime.WebSocketClient;
import io.asyncws.runtime.WebSocketConfig;
import io.asyncws.runtime.WebSocketListener;
import io.asyncws.runtime.WebSocketServer;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocketHandshakeException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** Past its connection limit a server answers 503 and carries on; a freed place is reusable. */
@Timeout(30)
class ConnectionLimitTest {
  @Test
  void serverRefusesConnectionsBeyondItsLimitWith503() throws Exception {
    WebSocketConfig config = WebSocketConfig.builder().eventLoops(1).maxConnections(2).build();
    try (WebSocketServer server =
            WebSocketServer.builder()
                .config(config)
                .handler(request -> Upgrade.accept(new WebSocketListener() {}))
                .start();
        WebSocketClient client = WebSocketClient.create()) {
      URI url = URI.create("ws://127.0.0.1:" + server.port() + "/");
      CompletableFuture<CloseEvent> firstClosed = new CompletableFuture<>();
      WebSocket first = client.connect(url, new WebSocketListener() {
        @Override
        public void onClose(WebSocket socket, CloseEvent event) {
          firstClosed.complete(event);
        }
      }).get(5, TimeUnit.SECONDS);
      client.connect(url, new WebSocketListener() {}).get(5, TimeUnit.SECONDS);

      ExecutionException refused = assertThrows(ExecutionException.class, () -> jdkConnect(url));
      assertEquals(503, assertInstanceOf(WebSocketHandshakeException.class, refused.getCause())
          .getResponse().statusCode());

      first.close();
      firstClosed.get(5, TimeUnit.SECONDS);
      long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
      while (server.connections().size() > 1 && System.nanoTime() < deadline) Thread.sleep(10);
      jdkConnect(url).abort(); // the freed place takes a new connection
    }
  }

  private static java.net.http.WebSocket jdkConnect(URI url) throws Exception {
    return HttpClient.newHttpClient().newWebSocketBuilder()
        .buildAsync(url, new java.net.http.WebSocket.Listener() {})
        .get(5, TimeUnit.SECONDS);
  }
}
