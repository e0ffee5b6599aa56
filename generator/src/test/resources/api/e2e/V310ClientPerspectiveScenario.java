package com.example.v310;

import io.asyncws.runtime.HandshakeRequest;
import io.asyncws.runtime.WebSocketConfig;
import io.asyncws.runtime.contract.ClientOptions;
import java.net.InetSocketAddress;
import java.net.URI;
import java.time.Duration;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;

/**
 * synthetic/v310-ws.yml describes a client ({@code sendPing} with a pong reply), read as such: the
 * generated client sends the pings and awaits the pongs, the generated server answers them; the
 * {@code ws} binding's query and header arguments reach the server's handshake.
 */
public final class V310ClientPerspectiveScenario implements Callable<String> {
  @Override
  public String call() throws Exception {
    java.util.concurrent.CompletableFuture<HandshakeRequest> handshake = new java.util.concurrent.CompletableFuture<>();
    THandler handler = new THandler() {
      @Override
      public void onPing(TSession session, PingPayload message) {
        handshake.complete(session.handshake());
        session.replyToPing(message, new PongPayload(null));
      }
    };
    try (TServer server = TServer.start(new InetSocketAddress("127.0.0.1", 0), WebSocketConfig.defaults(), handler)) {
      TClient client = TClient.connect(URI.create("ws://127.0.0.1:" + server.port()), "t0k3n", "Bearer xyz",
          new TClientListener() {}, ClientOptions.defaults().withRequestTimeout(Duration.ofSeconds(5))).join();
      PongPayload first = client.ping(new PingPayload(null)).get(5, TimeUnit.SECONDS);
      PongPayload second = client.ping(new PingPayload(100L)).get(5, TimeUnit.SECONDS);
      check(first.reqid() != null && !first.reqid().equals(100L), "generated id: " + first);
      check(second.reqid() == 100L, "own id: " + second);
      HandshakeRequest request = handshake.get(5, TimeUnit.SECONDS);
      check(request.queryParameter("token").orElse("").equals("t0k3n"), "binding query: " + request);
      check(io.asyncws.runtime.contract.HandshakeHeaders.first(request, "authorization").orElse("").equals("Bearer xyz"), "binding header: " + request);
      client.close();
    }
    return "ok";
  }

  private static void check(boolean condition, String what) {
    if (!condition) throw new AssertionError(what);
  }
}
