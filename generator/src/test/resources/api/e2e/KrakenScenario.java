package com.example.kraken;

import io.asyncws.runtime.WebSocketConfig;
import io.asyncws.runtime.contract.ClientOptions;
import io.asyncws.runtime.contract.ContractViolation;
import java.net.InetSocketAddress;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.Callable;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * The generated Kraken client against the generated Kraken server over real sockets: ping/pong
 * correlated by reqid, subscribe answered by either member of the subscriptionStatus oneOf,
 * server pushes (systemStatus, a stream of heartbeats) and a malformed message that reaches the
 * error callback without closing the connection.
 */
public final class KrakenScenario implements Callable<String> {
  private static final long WAIT_SECONDS = 5;
  private static final int HEARTBEATS = 3;

  private static final class Exchange implements KrakenWebsocketsHandler {
    @Override
    public void onOpen(KrakenWebsocketsSession session) {
      session.sendSystemStatus(new SystemStatus(7L, Status.ONLINE, "1.8.0"));
      for (int i = 0; i < HEARTBEATS; i++) session.sendHeartbeat(new Heartbeat());
    }

    @Override
    public void onPing(KrakenWebsocketsSession session, Ping message) {
      session.replyToPing(message, new Pong(null));
    }

    @Override
    public void onSubscribe(KrakenWebsocketsSession session, Subscribe message) {
      if (message.pair().contains("XBT/EUR")) {
        session.replyToSubscribe(message, new SubscriptionStatusSuccess(
            10001L, "ohlc-5", null, message.pair(), Status.ONLINE, null));
      } else {
        session.replyToSubscribe(message, new SubscriptionStatusError(
            "Currency pair not supported", null, message.pair(), Status.ONLINE, null));
      }
    }

    @Override
    public void onUnsubscribe(KrakenWebsocketsSession session, Unsubscribe message) {
      session.replyToUnsubscribe(message, new SubscriptionStatusError(
          "Subscription not found", null, message.pair(), Status.ONLINE, null));
    }
  }

  private static final class Heard implements KrakenWebsocketsClientListener {
    final BlockingQueue<Object> events = new LinkedBlockingQueue<>();

    @Override
    public void onHeartbeat(Heartbeat message) {
      events.add(message);
    }

    @Override
    public void onSystemStatus(SystemStatus message) {
      events.add(message);
    }

    @Override
    public void onPong(Pong message) {
      events.add(message);
    }

    @Override
    public void onInvalidMessage(String raw, ContractViolation error) {
      events.add(error.kind());
    }

    Object next() throws InterruptedException {
      Object event = events.poll(WAIT_SECONDS, TimeUnit.SECONDS);
      check(event != null, "nothing heard in time");
      return event;
    }
  }

  @Override
  public String call() throws Exception {
    ClientOptions options = ClientOptions.defaults().withRequestTimeout(Duration.ofSeconds(WAIT_SECONDS));
    try (KrakenWebsocketsServer server = KrakenWebsocketsServer.start(
        new InetSocketAddress("127.0.0.1", 0), WebSocketConfig.defaults(), new Exchange())) {
      Heard heard = new Heard();
      KrakenWebsocketsClient client = KrakenWebsocketsClient.connect(
          URI.create("ws://127.0.0.1:" + server.port()), heard, options).join();

      // Streaming: what the server pushes arrives typed and in order.
      check(heard.next() instanceof SystemStatus s && s.status() == Status.ONLINE && s.connectionID() == 7L,
          "system status");
      for (int i = 0; i < HEARTBEATS; i++) check(heard.next() instanceof Heartbeat, "heartbeat " + i);

      // Request/reply with a generated reqid, then with the caller's own.
      Pong pong = client.ping(new Ping(null)).get(WAIT_SECONDS, TimeUnit.SECONDS);
      check(pong.reqid() != null, "pong carries the generated reqid");
      check(client.ping(new Ping(42L)).get(WAIT_SECONDS, TimeUnit.SECONDS).reqid() == 42L, "reqid 42 echoed");

      // The oneOf reply: the variant is picked from the JSON and wrapped per possible reply message.
      KrakenWebsocketsClient.SubscribeReply ok = client.subscribe(
          new Subscribe(null, List.of("XBT/EUR"), null)).get(WAIT_SECONDS, TimeUnit.SECONDS);
      check(ok instanceof KrakenWebsocketsClient.SubscribeReply.OfSubscriptionStatus status
          && status.value() instanceof SubscriptionStatusSuccess success && success.channelID() == 10001L,
          "success variant: " + ok);
      KrakenWebsocketsClient.SubscribeReply refused = client.subscribe(
          new Subscribe(null, List.of("DOGE/EUR"), null)).get(WAIT_SECONDS, TimeUnit.SECONDS);
      check(refused instanceof KrakenWebsocketsClient.SubscribeReply.OfSubscriptionStatus status
          && status.value() instanceof SubscriptionStatusError, "error variant: " + refused);
      check(client.unsubscribe(new Unsubscribe(null, List.of("XBT/EUR"), null))
          .get(WAIT_SECONDS, TimeUnit.SECONDS) instanceof SubscriptionStatusError, "unsubscribe reply");

      // A pong nobody waits for goes to the listener; a malformed one to the error callback.
      server.sessions().iterator().next().sendPong(new Pong(999L));
      check(heard.next() instanceof Pong p && p.reqid() == 999L, "unsolicited pong");
      server.sessions().iterator().next().socket().send("{\"event\":\"heartbeat\"");
      check(heard.next() == ContractViolation.Kind.NOT_JSON, "truncated JSON reported");
      server.sessions().iterator().next().socket().send("{\"event\":\"systemStatus\",\"status\":\"sleepy\"}");
      check(heard.next() == ContractViolation.Kind.INVALID, "bad enum value reported");
      check(client.ping(new Ping(null)).get(WAIT_SECONDS, TimeUnit.SECONDS) != null, "still up");
      check(client.readyState() == io.asyncws.runtime.ReadyState.OPEN, "open");
      client.close();
    }
    return "ok";
  }

  private static void check(boolean condition, String what) {
    if (!condition) throw new AssertionError(what);
  }
}
