package io.asyncws.samples.market;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.asyncws.samples.market.api.DummyCurrencyInfoPayload;
import io.asyncws.samples.market.api.Heartbeat;
import io.asyncws.samples.market.api.KrakenWebsocketsClient.SubscribeReply;
import io.asyncws.samples.market.api.Name;
import io.asyncws.samples.market.api.Ping;
import io.asyncws.samples.market.api.Pong;
import io.asyncws.samples.market.api.Status;
import io.asyncws.samples.market.api.Subscribe;
import io.asyncws.samples.market.api.SubscribeSubscription;
import io.asyncws.samples.market.api.SubscriptionStatus;
import io.asyncws.samples.market.api.SubscriptionStatusError;
import io.asyncws.samples.market.api.SubscriptionStatusSuccess;
import io.asyncws.samples.market.api.SystemStatus;
import io.asyncws.samples.market.api.Unsubscribe;
import io.asyncws.samples.market.api.UnsubscribeSubscription;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** The generated Kraken client against the simulated exchange, over real sockets. */
@Timeout(30)
class GeneratedClientTest {
  /** 20 ms ticks and 100 ms heartbeats: every behaviour shows within a fraction of a second. */
  private static final Duration TICK = Duration.ofMillis(20);
  private static final Duration HEARTBEAT = Duration.ofMillis(100);

  private SimulatedExchange exchange;

  @BeforeEach
  void openExchange() {
    exchange = SimulatedExchange.start(new InetSocketAddress("127.0.0.1", 0), TICK, HEARTBEAT, 42);
  }

  @AfterEach
  void closeExchange() {
    exchange.close();
  }

  @Test
  void exchangeSendsSystemStatusOnConnect() throws Exception {
    Trader trader = Trader.connect(exchange.port());
    SystemStatus status = trader.next(SystemStatus.class);
    assertEquals(Status.ONLINE, status.status());
    assertEquals(SimulatedExchange.VERSION, status.version());
    assertNotNull(status.connectionID());
  }

  @Test
  void pingIsAnsweredWithPongCarryingTheReqid() throws Exception {
    Trader trader = Trader.connect(exchange.port());
    Pong pong = trader.client.ping(new Ping(7L)).get(Trader.WAIT_SECONDS, TimeUnit.SECONDS);
    assertEquals(new Pong(7L), pong);
  }

  @Test
  void tickerSubscriptionIsConfirmedByReqidAndStreamsTicksOfThatPair() throws Exception {
    Trader trader = Trader.connect(exchange.port());
    trader.next(SystemStatus.class);

    SubscribeReply reply = trader.client.subscribe(new Subscribe(42L, List.of("XBT/USD"), ticker()))
        .get(Trader.WAIT_SECONDS, TimeUnit.SECONDS);
    SubscriptionStatusSuccess ok = success(reply);
    assertEquals(42L, ok.reqid());
    assertEquals("ticker", ok.channelName());
    assertEquals(List.of("XBT/USD"), ok.pair());
    assertEquals(Name.TICKER, ok.subscription().name());

    for (int i = 0; i < 3; i++) {
      DummyCurrencyInfoPayload tick = nextTick(trader);
      assertEquals("currencyInfo", tick.event());
      assertEquals("XBT/USD", tick.data().get("pair").asText());
      assertEquals(ok.channelID().longValue(), tick.data().get("channelID").asLong());
      // Prices are quoted decimals, bid below ask.
      assertTrue(tick.data().get("bid").isTextual(), tick.toString());
      assertTrue(Double.parseDouble(tick.data().get("bid").asText())
          < Double.parseDouble(tick.data().get("ask").asText()), tick.toString());
    }
  }

  @Test
  void subscribingToSeveralPairsAnswersOneStatusPerPairWithTheSameReqid() throws Exception {
    Trader trader = Trader.connect(exchange.port());
    trader.next(SystemStatus.class);

    SubscriptionStatusSuccess first = success(trader.client
        .subscribe(new Subscribe(5L, List.of("XBT/USD", "ETH/EUR"), ticker()))
        .get(Trader.WAIT_SECONDS, TimeUnit.SECONDS));
    assertEquals(List.of("XBT/USD"), first.pair());
    // The second status matches no pending request any more: it arrives as a push.
    SubscriptionStatusSuccess second = (SubscriptionStatusSuccess) nextStatus(trader);
    assertEquals(5L, second.reqid());
    assertEquals(List.of("ETH/EUR"), second.pair());
  }

  @Test
  void subscribingToAnotherChannelOrAnUnlistedPairIsAnErrorWithTheReqid() throws Exception {
    Trader trader = Trader.connect(exchange.port());

    SubscribeReply book = trader.client.subscribe(new Subscribe(9L, List.of("XBT/USD"),
        new SubscribeSubscription(null, null, Name.BOOK, null, null, null)))
        .get(Trader.WAIT_SECONDS, TimeUnit.SECONDS);
    SubscriptionStatusError bookError = error(book);
    assertEquals(9L, bookError.reqid());
    assertTrue(bookError.errorMessage().contains("only ticker"), bookError.errorMessage());

    SubscriptionStatusError pairError = error(trader.client
        .subscribe(new Subscribe(10L, List.of("DOGE/USD"), ticker()))
        .get(Trader.WAIT_SECONDS, TimeUnit.SECONDS));
    assertEquals(10L, pairError.reqid());
    assertEquals(List.of("DOGE/USD"), pairError.pair());
  }

  @Test
  void unsubscribeIsConfirmedAndTheStreamGivesWayToHeartbeats() throws Exception {
    Trader trader = Trader.connect(exchange.port());
    trader.next(SystemStatus.class);
    SubscriptionStatusSuccess subscribed = success(trader.client
        .subscribe(new Subscribe(1L, List.of("SOL/USD"), ticker()))
        .get(Trader.WAIT_SECONDS, TimeUnit.SECONDS));
    nextTick(trader);

    SubscriptionStatus unsubscribed = trader.client.unsubscribe(new Unsubscribe(2L, List.of("SOL/USD"),
        new UnsubscribeSubscription(null, null, Name.TICKER, null)))
        .get(Trader.WAIT_SECONDS, TimeUnit.SECONDS);
    SubscriptionStatusSuccess ok = assertInstanceOf(SubscriptionStatusSuccess.class, unsubscribed);
    assertEquals(2L, ok.reqid());
    assertEquals(subscribed.channelID(), ok.channelID());

    // Ticks already on the wire may still come; once a heartbeat arrives (a round without
    // ticks), only heartbeats follow.
    Object push;
    do {
      push = trader.pushes.poll(Trader.WAIT_SECONDS, TimeUnit.SECONDS);
      assertNotNull(push, "no heartbeat after unsubscribing");
    } while (!(push instanceof Heartbeat));
    trader.next(Heartbeat.class);
    trader.next(Heartbeat.class);
  }

  @Test
  void unsubscribingFromAPairNotSubscribedIsAnError() throws Exception {
    Trader trader = Trader.connect(exchange.port());
    SubscriptionStatus reply = trader.client.unsubscribe(new Unsubscribe(3L, List.of("XBT/EUR"),
        new UnsubscribeSubscription(null, null, Name.TICKER, null)))
        .get(Trader.WAIT_SECONDS, TimeUnit.SECONDS);
    SubscriptionStatusError error = assertInstanceOf(SubscriptionStatusError.class, reply);
    assertEquals(3L, error.reqid());
  }

  @Test
  void quietConnectionGetsHeartbeats() throws Exception {
    Trader trader = Trader.connect(exchange.port());
    trader.next(SystemStatus.class);
    trader.next(Heartbeat.class);
    trader.next(Heartbeat.class);
  }

  @Test
  void sampleClientPrintsTicksForItsDurationAndUnsubscribes() throws Exception {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    long ticks;
    try (PrintStream out = new PrintStream(bytes, true, StandardCharsets.UTF_8)) {
      ticks = MarketDataClient.run(URI.create("ws://127.0.0.1:" + exchange.port()),
          List.of("XBT/USD", "ETH/USD"), Duration.ofMillis(300), out);
    }
    String printed = bytes.toString(StandardCharsets.UTF_8);
    assertTrue(ticks > 0, printed);
    assertTrue(printed.contains("exchange online, API " + SimulatedExchange.VERSION), printed);
    assertTrue(printed.lines().anyMatch(line -> line.startsWith("XBT/USD  bid")), printed);
    assertTrue(printed.lines().anyMatch(line -> line.startsWith("ETH/USD  bid")), printed);
    assertTrue(printed.contains("unsubscribe answered: ticker [XBT/USD]"), printed);
    assertTrue(printed.contains(ticks + " ticks in 0.3 s"), printed);
  }

  private static SubscribeSubscription ticker() {
    return new SubscribeSubscription(null, null, Name.TICKER, null, null, null);
  }

  private static SubscriptionStatusSuccess success(SubscribeReply reply) {
    SubscribeReply.OfSubscriptionStatus status = assertInstanceOf(SubscribeReply.OfSubscriptionStatus.class, reply);
    return assertInstanceOf(SubscriptionStatusSuccess.class, status.value());
  }

  private static SubscriptionStatusError error(SubscribeReply reply) {
    SubscribeReply.OfSubscriptionStatus status = assertInstanceOf(SubscribeReply.OfSubscriptionStatus.class, reply);
    return assertInstanceOf(SubscriptionStatusError.class, status.value());
  }

  /** The next tick, past the heartbeats sent before the subscription began. */
  private static DummyCurrencyInfoPayload nextTick(Trader trader) throws InterruptedException {
    return next(trader, DummyCurrencyInfoPayload.class);
  }

  /** The next subscription status, past ticks and heartbeats. */
  private static SubscriptionStatus nextStatus(Trader trader) throws InterruptedException {
    return next(trader, SubscriptionStatus.class);
  }

  private static <T> T next(Trader trader, Class<T> type) throws InterruptedException {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(Trader.WAIT_SECONDS);
    while (true) {
      Object push = trader.pushes.poll(deadline - System.nanoTime(), TimeUnit.NANOSECONDS);
      assertNotNull(push, "no " + type.getSimpleName() + " within " + Trader.WAIT_SECONDS + " s");
      if (type.isInstance(push)) {
        return type.cast(push);
      }
      assertTrue(push instanceof Heartbeat || push instanceof DummyCurrencyInfoPayload,
          "unexpected " + push);
    }
  }
}
