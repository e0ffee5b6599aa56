package com.example.kraken;

import io.asyncws.generator.emit.api.PeerProcess;
import io.asyncws.runtime.WebSocketConfig;
import io.asyncws.runtime.contract.ContractViolation;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.Callable;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * The generated Kraken server against a Node {@code ws} client that writes the contract's JSON by
 * hand (peers/node/kraken-client.mjs): replies carry the client's reqid, and a malformed message
 * and an unknown event reach the handler's error callback while the session stays up.
 */
public final class KrakenNodeScenario implements Callable<String> {
  private static final Duration WAIT = Duration.ofSeconds(30);

  private final BlockingQueue<Object> saw = new LinkedBlockingQueue<>();

  private final class Exchange implements KrakenWebsocketsHandler {
    @Override
    public void onOpen(KrakenWebsocketsSession session) {
      session.sendSystemStatus(new SystemStatus(1L, Status.ONLINE, "1.8.0"));
    }

    @Override
    public void onPing(KrakenWebsocketsSession session, Ping message) {
      saw.add(message);
      session.replyToPing(message, new Pong(null));
    }

    @Override
    public void onSubscribe(KrakenWebsocketsSession session, Subscribe message) {
      saw.add(message);
      session.replyToSubscribe(message, new SubscriptionStatusSuccess(10001L,
          message.subscription().name().value() + "-" + message.subscription().interval().value(), null,
          message.pair(), Status.ONLINE, null));
    }

    @Override
    public void onUnsubscribe(KrakenWebsocketsSession session, Unsubscribe message) {
      saw.add(message);
    }

    @Override
    public void onInvalidMessage(KrakenWebsocketsSession session, String raw, ContractViolation error) {
      saw.add(error.kind());
    }
  }

  @Override
  public String call() throws Exception {
    try (KrakenWebsocketsServer server = KrakenWebsocketsServer.start(
            new InetSocketAddress("127.0.0.1", 0), WebSocketConfig.defaults(), new Exchange());
        PeerProcess node = PeerProcess.start("node", "peers/node/kraken-client.mjs",
            "ws://127.0.0.1:" + server.port() + "/", "--timeout", "30")) {
      String verdict = node.awaitLine(l -> l.startsWith("OK") || l.startsWith("FAIL"), WAIT);
      check(verdict.equals("OK"), "node client: " + node.output());
      List<Object> seen = List.copyOf(saw);
      check(seen.size() == 5, "five messages reached the handler: " + seen);
      check(seen.get(0) instanceof Ping p && p.reqid() == 7L, "ping 7");
      check(seen.get(1) instanceof Subscribe s && s.pair().equals(List.of("XBT/EUR")), "subscribe");
      check(seen.get(2) == ContractViolation.Kind.NOT_JSON, "malformed reported: " + seen);
      check(seen.get(3) == ContractViolation.Kind.UNKNOWN, "unknown event reported: " + seen);
      check(seen.get(4) instanceof Ping p && p.reqid() == 9L, "ping 9 after the errors");
    }
    return "ok";
  }

  private static void check(boolean condition, String what) {
    if (!condition) throw new AssertionError(what);
  }
}
