package io.asyncws.samples.market;

import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.asyncws.runtime.contract.ClientOptions;
import io.asyncws.samples.market.api.DummyCurrencyInfoPayload;
import io.asyncws.samples.market.api.Heartbeat;
import io.asyncws.samples.market.api.KrakenWebsocketsClient;
import io.asyncws.samples.market.api.KrakenWebsocketsClientListener;
import io.asyncws.samples.market.api.SubscriptionStatus;
import io.asyncws.samples.market.api.SystemStatus;
import java.net.URI;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * A generated client in a test: its listener queues every push (system status, statuses that
 * answered no request, ticks, heartbeats) in the order the exchange sent them.
 */
final class Trader implements KrakenWebsocketsClientListener {
  /** 10 s: the exchange answers in milliseconds; this only bounds a broken test. */
  static final long WAIT_SECONDS = 10;

  final BlockingQueue<Object> pushes = new LinkedBlockingQueue<>();
  KrakenWebsocketsClient client;

  static Trader connect(int port) throws Exception {
    Trader trader = new Trader();
    trader.client = KrakenWebsocketsClient.connect(URI.create("ws://127.0.0.1:" + port), trader,
        ClientOptions.defaults()).get(WAIT_SECONDS, TimeUnit.SECONDS);
    return trader;
  }

  /** The next push, which must be a {@code type}. */
  <T> T next(Class<T> type) throws InterruptedException {
    Object push = pushes.poll(WAIT_SECONDS, TimeUnit.SECONDS);
    assertNotNull(push, "no " + type.getSimpleName() + " within " + WAIT_SECONDS + " s");
    assertTrue(type.isInstance(push), "expected a " + type.getSimpleName() + ", got " + push);
    return type.cast(push);
  }

  @Override
  public void onSystemStatus(SystemStatus message) {
    pushes.add(message);
  }

  @Override
  public void onSubscriptionStatus(SubscriptionStatus message) {
    pushes.add(message);
  }

  @Override
  public void onDummyCurrencyInfo(DummyCurrencyInfoPayload message) {
    pushes.add(message);
  }

  @Override
  public void onHeartbeat(Heartbeat message) {
    pushes.add(message);
  }
}
