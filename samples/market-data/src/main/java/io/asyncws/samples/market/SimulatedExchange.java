package io.asyncws.samples.market;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import io.asyncws.runtime.CloseEvent;
import io.asyncws.runtime.WebSocketConfig;
import io.asyncws.runtime.contract.ContractViolation;
import io.asyncws.samples.market.api.DummyCurrencyInfoPayload;
import io.asyncws.samples.market.api.Heartbeat;
import io.asyncws.samples.market.api.KrakenWebsocketsHandler;
import io.asyncws.samples.market.api.KrakenWebsocketsServer;
import io.asyncws.samples.market.api.KrakenWebsocketsSession;
import io.asyncws.samples.market.api.Name;
import io.asyncws.samples.market.api.Ping;
import io.asyncws.samples.market.api.Pong;
import io.asyncws.samples.market.api.Status;
import io.asyncws.samples.market.api.Subscribe;
import io.asyncws.samples.market.api.SubscribeSubscription;
import io.asyncws.samples.market.api.SubscriptionStatusCommonSubscription;
import io.asyncws.samples.market.api.SubscriptionStatusError;
import io.asyncws.samples.market.api.SubscriptionStatusSuccess;
import io.asyncws.samples.market.api.SystemStatus;
import io.asyncws.samples.market.api.Unsubscribe;
import io.asyncws.samples.market.api.UnsubscribeSubscription;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A simulated exchange that speaks the Kraken contract through the generated
 * {@link KrakenWebsocketsServer}: system status on connect, ping/pong, ticker subscriptions with
 * {@code reqid} replies, a tick stream and heartbeats on quiet connections.
 *
 * <p>Threading: handler methods run on the sessions' event loops; ticks and heartbeats are sent
 * from one scheduler thread. Sessions may be sent to from any thread, and the per-session state
 * is concurrent, so the two never need a lock.
 */
public final class SimulatedExchange implements KrakenWebsocketsHandler, AutoCloseable {
  /** The API version the exchange reports; the contract's {@code info.version}. */
  static final String VERSION = "1.8.0";

  private final Map<KrakenWebsocketsSession, Subscriber> subscribers = new ConcurrentHashMap<>();
  private final AtomicLong nextConnectionId = new AtomicLong(1);
  private final AtomicLong nextChannelId = new AtomicLong(1);
  private final Market market;
  private final ScheduledExecutorService clock;
  private KrakenWebsocketsServer server;

  private SimulatedExchange(Market market) {
    this.market = market;
    this.clock = Executors.newSingleThreadScheduledExecutor(runnable -> {
      Thread thread = new Thread(runnable, "exchange-ticker");
      thread.setDaemon(true);
      return thread;
    });
  }

  /**
   * Binds {@code address} and opens the market.
   *
   * @param address where to listen; port 0 picks a free port
   * @param tick how often every subscribed pair gets a tick
   * @param heartbeat how long a connection may be quiet before it gets a heartbeat (Kraken: 1 s)
   * @param seed the random walk's seed, so runs are repeatable
   * @return the running exchange; close it to stop
   */
  public static SimulatedExchange start(InetSocketAddress address, Duration tick, Duration heartbeat,
      long seed) {
    SimulatedExchange exchange = new SimulatedExchange(new Market(new Random(seed)));
    exchange.server = KrakenWebsocketsServer.start(address, WebSocketConfig.defaults(), exchange);
    exchange.clock.scheduleAtFixedRate(exchange::tick, tick.toNanos(), tick.toNanos(), TimeUnit.NANOSECONDS);
    exchange.clock.scheduleAtFixedRate(exchange::heartbeat, heartbeat.toNanos(), heartbeat.toNanos(),
        TimeUnit.NANOSECONDS);
    return exchange;
  }

  /** The port the exchange listens on. */
  public int port() {
    return server.port();
  }

  @Override
  public void onOpen(KrakenWebsocketsSession session) {
    // Status first, then visible to the scheduler: a heartbeat must not overtake the status.
    session.sendSystemStatus(new SystemStatus(nextConnectionId.getAndIncrement(), Status.ONLINE, VERSION));
    subscribers.put(session, new Subscriber());
  }

  @Override
  public void onPing(KrakenWebsocketsSession session, Ping ping) {
    session.replyToPing(ping, new Pong(null));
  }

  @Override
  public void onSubscribe(KrakenWebsocketsSession session, Subscribe request) {
    SubscribeSubscription wanted = request.subscription();
    Subscriber subscriber = subscribers.get(session);
    if (wanted == null || wanted.name() != Name.TICKER) {
      String name = wanted == null ? "none" : wanted.name().value();
      session.replyToSubscribe(request, new SubscriptionStatusError(
          "Subscription name not supported by the simulated exchange (only ticker): " + name,
          null, request.pair(), null, echo(wanted)));
      return;
    }
    if (request.pair() == null || request.pair().isEmpty()) {
      session.replyToSubscribe(request, new SubscriptionStatusError(
          "Currency pair required: name at least one of " + Market.pairs() + ".",
          null, null, null, echo(wanted)));
      return;
    }
    // One status per pair, each with the request's reqid, as Kraken answers.
    for (String pair : request.pair()) {
      if (!Market.lists(pair)) {
        session.replyToSubscribe(request, new SubscriptionStatusError(
            "Currency pair not supported: " + pair + "; the exchange lists " + Market.pairs() + ".",
            null, List.of(pair), null, echo(wanted)));
        continue;
      }
      long channelId = subscriber.tickers.computeIfAbsent(pair, p -> nextChannelId.getAndIncrement());
      session.replyToSubscribe(request, new SubscriptionStatusSuccess(
          channelId, "ticker", null, List.of(pair), null, echo(wanted)));
    }
  }

  @Override
  public void onUnsubscribe(KrakenWebsocketsSession session, Unsubscribe request) {
    UnsubscribeSubscription named = request.subscription();
    SubscriptionStatusCommonSubscription echo = named == null ? null
        : new SubscriptionStatusCommonSubscription(null, null, null, named.name(), null);
    Subscriber subscriber = subscribers.get(session);
    List<String> pairs = request.pair() == null ? List.copyOf(subscriber.tickers.keySet()) : request.pair();
    for (String pair : pairs) {
      Long channelId = subscriber.tickers.remove(pair);
      if (channelId == null) {
        session.replyToUnsubscribe(request, new SubscriptionStatusError(
            "Subscription not found: " + pair + ".", null, List.of(pair), null, echo));
      } else {
        session.replyToUnsubscribe(request, new SubscriptionStatusSuccess(
            channelId, "ticker", null, List.of(pair), null, echo));
      }
    }
  }

  @Override
  public void onInvalidMessage(KrakenWebsocketsSession session, String raw, ContractViolation error) {
    // A client's mistake, not the exchange's: one line, no stack trace; the connection stays.
    System.getLogger(SimulatedExchange.class.getName()).log(System.Logger.Level.INFO,
        "ignored a message outside the contract: " + error.getMessage());
  }

  @Override
  public void onClose(KrakenWebsocketsSession session, CloseEvent event) {
    subscribers.remove(session);
  }

  /** The subscription as the status messages echo it. */
  private static SubscriptionStatusCommonSubscription echo(SubscribeSubscription wanted) {
    return wanted == null ? null
        : new SubscriptionStatusCommonSubscription(wanted.depth(), wanted.interval(), null, wanted.name(), null);
  }

  /** Moves the market and sends each subscriber its pairs' quotes; on the scheduler thread. */
  private void tick() {
    market.step();
    subscribers.forEach((session, subscriber) -> subscriber.tickers.forEach((pair, channelId) ->
        market.quote(pair).ifPresent(quote -> {
          if (session.sendDummyCurrencyInfo(new DummyCurrencyInfoPayload(null, tickData(channelId, quote)))) {
            subscriber.sentSinceHeartbeat = true;
          }
        })));
  }

  private static Map<String, JsonNode> tickData(long channelId, Market.Quote quote) {
    JsonNodeFactory json = JsonNodeFactory.instance;
    Map<String, JsonNode> data = new LinkedHashMap<>();
    data.put("channelID", json.numberNode(channelId));
    data.put("channelName", json.textNode("ticker"));
    data.put("pair", json.textNode(quote.pair()));
    data.put("bid", json.textNode(quote.bid()));
    data.put("ask", json.textNode(quote.ask()));
    data.put("last", json.textNode(quote.last()));
    return data;
  }

  /** Sends a heartbeat on every connection that had no ticks since the last round. */
  private void heartbeat() {
    subscribers.forEach((session, subscriber) -> {
      if (!subscriber.sentSinceHeartbeat) {
        session.sendHeartbeat(new Heartbeat());
      }
      subscriber.sentSinceHeartbeat = false;
    });
  }

  /** Stops the market and closes every connection with 1001 "going away". */
  @Override
  public void close() {
    clock.shutdownNow();
    server.close();
  }

  /** One connection's subscriptions. */
  private static final class Subscriber {
    /** Subscribed pairs and their channel ids. */
    final Map<String, Long> tickers = new ConcurrentHashMap<>();
    /** Written and read only on the scheduler thread. */
    boolean sentSinceHeartbeat;
  }
}
