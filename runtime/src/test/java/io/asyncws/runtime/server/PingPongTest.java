package io.asyncws.runtime.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.asyncws.runtime.Upgrade;
import io.asyncws.runtime.WebSocket;
import io.asyncws.runtime.WebSocketClient;
import io.asyncws.runtime.WebSocketListener;
import io.asyncws.runtime.WebSocketServer;
import java.net.URI;
import java.net.http.HttpClient;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** Application Pings over real sockets: answered by an independent peer, and answered by ours. */
@Timeout(30)
class PingPongTest {
  @Test
  void ourClientPingIsAnsweredByJettyWithSamePayload() throws Exception {
    try (io.asyncws.runtime.interop.JettyEchoServer jetty = io.asyncws.runtime.interop.JettyEchoServer.start();
        WebSocketClient client = WebSocketClient.create()) {
      CompletableFuture<String> pong = new CompletableFuture<>();
      WebSocket socket = client.connect(jetty.uri(),
          new WebSocketListener() {
            @Override
            public void onPong(WebSocket s, ByteBuffer payload) {
              pong.complete(StandardCharsets.UTF_8.decode(payload).toString());
            }
          }).get(5, TimeUnit.SECONDS);
      socket.ping(ByteBuffer.wrap("are you there".getBytes(StandardCharsets.UTF_8)));
      assertEquals("are you there", pong.get(5, TimeUnit.SECONDS));
      assertThrows(IllegalArgumentException.class, () -> socket.ping(ByteBuffer.allocate(126)));
      socket.close();
    }
  }

  @Test
  void ourServerAnswersJdkClientPing() throws Exception {
    try (WebSocketServer server = WebSocketServer.builder()
        .handler(request -> Upgrade.accept(new WebSocketListener() {})).start()) {
      CompletableFuture<String> pong = new CompletableFuture<>();
      java.net.http.WebSocket socket = HttpClient.newHttpClient().newWebSocketBuilder()
          .buildAsync(URI.create("ws://127.0.0.1:" + server.port() + "/"), new java.net.http.WebSocket.Listener() {
            @Override
            public CompletionStage<?> onPong(java.net.http.WebSocket ws, ByteBuffer message) {
              pong.complete(StandardCharsets.UTF_8.decode(message).toString());
              return null;
            }
          }).get(5, TimeUnit.SECONDS);
      socket.sendPing(ByteBuffer.wrap("ping!".getBytes(StandardCharsets.UTF_8))).get(5, TimeUnit.SECONDS);
      assertEquals("ping!", pong.get(5, TimeUnit.SECONDS));
      socket.abort();
    }
  }
}
