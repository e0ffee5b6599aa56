package com.example.krakenmirror;

import io.asyncws.runtime.WebSocketConfig;
import io.asyncws.runtime.contract.ClientOptions;
import java.net.InetSocketAddress;
import java.net.URI;
import java.time.Duration;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/**
 * The Kraken document read as if it described the client: now the server sends the pings and
 * awaits pongs, the client answers them and sends the heartbeats.
 */
public final class KrakenClientPerspectiveScenario implements Callable<String> {
  @Override
  public String call() throws Exception {
    CompletableFuture<KrakenWebsocketsSession> opened = new CompletableFuture<>();
    CompletableFuture<Heartbeat> heartbeat = new CompletableFuture<>();
    KrakenWebsocketsHandler handler = new KrakenWebsocketsHandler() {
      @Override
      public void onOpen(KrakenWebsocketsSession session) {
        opened.complete(session);
      }

      @Override
      public void onHeartbeat(KrakenWebsocketsSession session, Heartbeat message) {
        heartbeat.complete(message);
      }

      @Override
      public void onSystemStatus(KrakenWebsocketsSession session, SystemStatus message) {}
    };
    KrakenWebsocketsClientListener listener = new KrakenWebsocketsClientListener() {
      private KrakenWebsocketsClient client;

      @Override
      public void onOpen(KrakenWebsocketsClient client) {
        this.client = client;
      }

      @Override
      public void onPing(Ping message) {
        client.replyToPing(message, new Pong(null));
      }
    };
    try (KrakenWebsocketsServer server = KrakenWebsocketsServer.start(
        new InetSocketAddress("127.0.0.1", 0), WebSocketConfig.defaults(), handler)) {
      KrakenWebsocketsClient client = KrakenWebsocketsClient.connect(URI.create("ws://127.0.0.1:" + server.port()),
          listener, ClientOptions.defaults().withRequestTimeout(Duration.ofSeconds(5))).join();
      KrakenWebsocketsSession session = opened.get(5, TimeUnit.SECONDS);
      Pong pong = session.ping(new Ping(5L)).get(5, TimeUnit.SECONDS);
      check(pong.reqid() == 5L, "server's request answered by the client: " + pong);
      client.sendHeartbeat(new Heartbeat());
      check(heartbeat.get(5, TimeUnit.SECONDS) != null, "client sends heartbeats");
      client.close();
    }
    return "ok";
  }

  private static void check(boolean condition, String what) {
    if (!condition) throw new AssertionError(what);
  }
}
