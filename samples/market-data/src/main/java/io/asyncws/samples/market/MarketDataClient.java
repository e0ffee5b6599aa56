package io.asyncws.samples.market;

import com.fasterxml.jackson.databind.JsonNode;
import io.asyncws.runtime.CloseEvent;
import io.asyncws.runtime.contract.ClientOptions;
import io.asyncws.samples.market.api.DummyCurrencyInfoPayload;
import io.asyncws.samples.market.api.Heartbeat;
import io.asyncws.samples.market.api.KrakenWebsocketsClient;
import io.asyncws.samples.market.api.KrakenWebsocketsClient.SubscribeReply;
import io.asyncws.samples.market.api.KrakenWebsocketsClientListener;
import io.asyncws.samples.market.api.Name;
import io.asyncws.samples.market.api.Subscribe;
import io.asyncws.samples.market.api.SubscribeSubscription;
import io.asyncws.samples.market.api.SubscriptionStatus;
import io.asyncws.samples.market.api.SubscriptionStatusError;
import io.asyncws.samples.market.api.SubscriptionStatusSuccess;
import io.asyncws.samples.market.api.SystemStatus;
import io.asyncws.samples.market.api.Unsubscribe;
import io.asyncws.samples.market.api.UnsubscribeSubscription;
import java.io.PrintStream;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A market-data client on the generated {@link KrakenWebsocketsClient}: subscribes to the ticker
 * of some pairs, prints every tick for a while, unsubscribes and says how many ticks came.
 *
 * <p>Threading: the listener methods run on the connection's event loop; {@link #run} waits on
 * the caller's thread.
 */
public final class MarketDataClient implements KrakenWebsocketsClientListener {
  /** 10 s: connecting and each request/reply; a live exchange answers in milliseconds. */
  private static final long ANSWER_SECONDS = 10;

  private final PrintStream out;
  private final AtomicLong ticks = new AtomicLong();

  private MarketDataClient(PrintStream out) {
    this.out = out;
  }

  /**
   * Connects to {@code exchange}, streams the tickers of {@code pairs} for {@code duration} and
   * disconnects.
   *
   * @return how many ticks arrived
   * @throws Exception when the exchange cannot be reached or does not answer in time
   */
  public static long run(URI exchange, List<String> pairs, Duration duration, PrintStream out)
      throws Exception {
    MarketDataClient printer = new MarketDataClient(out);
    KrakenWebsocketsClient client = KrakenWebsocketsClient
        .connect(exchange, printer, ClientOptions.defaults()).get(ANSWER_SECONDS, TimeUnit.SECONDS);
    try {
      // The first status answers the request's reqid; one more per further pair follows.
      SubscribeReply reply = client.subscribe(new Subscribe(null, pairs,
          new SubscribeSubscription(null, null, Name.TICKER, null, null, null)))
          .get(ANSWER_SECONDS, TimeUnit.SECONDS);
      // The contract lets a subscribe be answered by a status or by data; this exchange sends a status.
      out.println("subscribe answered: " + (reply instanceof SubscribeReply.OfSubscriptionStatus status
          ? describe(status.value()) : reply));
      Thread.sleep(duration.toMillis());   // the ticks print themselves meanwhile
      SubscriptionStatus done = client.unsubscribe(new Unsubscribe(null, pairs,
          new UnsubscribeSubscription(null, null, Name.TICKER, null)))
          .get(ANSWER_SECONDS, TimeUnit.SECONDS);
      out.println("unsubscribe answered: " + describe(done));
    } finally {
      client.close();
    }
    long ticks = printer.ticks.get();
    out.printf(Locale.ROOT, "%d ticks in %.1f s%n", ticks, duration.toMillis() / 1000.0);
    return ticks;
  }

  @Override
  public void onSystemStatus(SystemStatus status) {
    out.println("exchange " + (status.status() == null ? "?" : status.status().value()) + ", API " + status.version()
        + ", connection " + status.connectionID());
  }

  @Override
  public void onSubscriptionStatus(SubscriptionStatus status) {
    out.println("status: " + describe(status));
  }

  @Override
  public void onDummyCurrencyInfo(DummyCurrencyInfoPayload tick) {
    ticks.incrementAndGet();
    Map<String, JsonNode> data = tick.data() == null ? Map.of() : tick.data();
    out.printf("%-8s bid %12s  ask %12s  last %12s%n", text(data, "pair"), text(data, "bid"),
        text(data, "ask"), text(data, "last"));
  }

  @Override
  public void onHeartbeat(Heartbeat heartbeat) {
    out.println("heartbeat");
  }

  @Override
  public void onClose(CloseEvent event) {
    out.println("closed: " + event.code() + (event.reason().isEmpty() ? "" : " " + event.reason()));
  }

  private static String text(Map<String, JsonNode> data, String field) {
    JsonNode node = data.get(field);
    return node == null ? "?" : node.asText();
  }

  private static String describe(SubscriptionStatus status) {
    if (status instanceof SubscriptionStatusSuccess ok) {
      return ok.channelName() + " " + ok.pair() + " on channel " + ok.channelID() + " (reqid " + ok.reqid() + ")";
    }
    SubscriptionStatusError error = (SubscriptionStatusError) status;
    return "error " + error.pair() + ": " + error.errorMessage() + " (reqid " + error.reqid() + ")";
  }
}
