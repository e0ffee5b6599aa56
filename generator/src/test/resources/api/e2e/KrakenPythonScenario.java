package com.example.kraken;

import io.asyncws.generator.emit.api.PeerProcess;
import io.asyncws.runtime.contract.ClientOptions;
import io.asyncws.runtime.contract.ContractViolation;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.Callable;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * The generated Kraken client against a Python {@code websockets} server that writes the
 * contract's JSON by hand (peers/python/kraken_server.py): pushes arrive typed, a malformed
 * message and an unknown event reach the error callback, and requests still get their replies.
 */
public final class KrakenPythonScenario implements Callable<String> {
  private static final long WAIT_SECONDS = 10;

  @Override
  public String call() throws Exception {
    BlockingQueue<Object> heard = new LinkedBlockingQueue<>();
    KrakenWebsocketsClientListener listener = new KrakenWebsocketsClientListener() {
      @Override
      public void onSystemStatus(SystemStatus message) {
        heard.add(message);
      }

      @Override
      public void onHeartbeat(Heartbeat message) {
        heard.add(message);
      }

      @Override
      public void onInvalidMessage(String raw, ContractViolation error) {
        heard.add(error.kind());
      }
    };
    try (PeerProcess python = PeerProcess.start("/usr/bin/python3", "peers/python/kraken_server.py", "--timeout", "30")) {
      int port = python.awaitListening(Duration.ofSeconds(WAIT_SECONDS));
      KrakenWebsocketsClient client = KrakenWebsocketsClient.connect(URI.create("ws://127.0.0.1:" + port),
          listener, ClientOptions.defaults().withRequestTimeout(Duration.ofSeconds(WAIT_SECONDS))).join();
      check(next(heard) instanceof SystemStatus s && s.status() == Status.ONLINE, "system status");
      check(next(heard) instanceof Heartbeat, "heartbeat 1");
      check(next(heard) instanceof Heartbeat, "heartbeat 2");
      check(next(heard) == ContractViolation.Kind.NOT_JSON, "malformed reported");
      check(next(heard) == ContractViolation.Kind.UNKNOWN, "unknown event reported");
      check(next(heard) instanceof Heartbeat, "heartbeat 3: still connected");

      Pong pong = client.ping(new Ping(null)).get(WAIT_SECONDS, TimeUnit.SECONDS);
      check(pong.reqid() != null, "pong with the generated reqid");
      KrakenWebsocketsClient.SubscribeReply reply = client.subscribe(
          new Subscribe(null, List.of("XBT/EUR"), null)).get(WAIT_SECONDS, TimeUnit.SECONDS);
      check(reply instanceof KrakenWebsocketsClient.SubscribeReply.OfSubscriptionStatus status
          && status.value() instanceof SubscriptionStatusSuccess success
          && success.channelName().equals("ohlc-5"), "subscription status: " + reply);
      client.close();
    }
    return "ok";
  }

  private static Object next(BlockingQueue<Object> queue) throws InterruptedException {
    Object event = queue.poll(WAIT_SECONDS, TimeUnit.SECONDS);
    check(event != null, "nothing heard in time");
    return event;
  }

  private static void check(boolean condition, String what) {
    if (!condition) throw new AssertionError(what);
  }
}
