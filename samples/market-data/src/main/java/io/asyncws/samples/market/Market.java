package io.asyncws.samples.market;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.Set;

/**
 * The simulated prices: a random walk per currency pair, the same for every client.
 *
 * <p>Thread rules: only the exchange's ticker thread calls {@link #step()} and {@link #quote};
 * {@link #lists} reads only the fixed set of pairs and may be called from any thread.
 */
final class Market {
  /** 0.05 %: a tick's largest move, small enough that the walk looks like a quiet market. */
  private static final double MAX_STEP = 0.0005;
  /** 2 decimal places, as fiat prices are quoted. */
  private static final int SCALE = 2;
  /** 0.02 %: half the spread between bid and ask. */
  private static final double HALF_SPREAD = 0.0002;

  /** Starting prices; their keys are the pairs the exchange lists. */
  private static final Map<String, Double> OPENING = openingPrices();

  private final Map<String, Double> last = new LinkedHashMap<>(OPENING);
  private final Random random;

  /** @param random the source of price moves; seeded in tests and demos for repeatable runs */
  Market(Random random) {
    this.random = random;
  }

  private static Map<String, Double> openingPrices() {
    Map<String, Double> prices = new LinkedHashMap<>();
    prices.put("XBT/USD", 43_000.0);
    prices.put("XBT/EUR", 39_500.0);
    prices.put("ETH/USD", 2_300.0);
    prices.put("ETH/EUR", 2_110.0);
    prices.put("SOL/USD", 98.0);
    return prices;
  }

  /** The pairs the exchange lists, e.g. {@code XBT/USD}. */
  static Set<String> pairs() {
    return OPENING.keySet();
  }

  /** True when the exchange lists {@code pair}. */
  static boolean lists(String pair) {
    return OPENING.containsKey(pair);
  }

  /** Moves every price one random step. */
  void step() {
    last.replaceAll((pair, price) -> price * (1 + (random.nextDouble() * 2 - 1) * MAX_STEP));
  }

  /** The current quote of {@code pair}, or empty when it is not listed. */
  Optional<Quote> quote(String pair) {
    Double price = last.get(pair);
    if (price == null) {
      return Optional.empty();
    }
    return Optional.of(new Quote(pair, decimal(price * (1 - HALF_SPREAD)),
        decimal(price * (1 + HALF_SPREAD)), decimal(price)));
  }

  /** Prices travel as quoted decimals (the contract's general considerations ask for it). */
  private static String decimal(double value) {
    return BigDecimal.valueOf(value).setScale(SCALE, RoundingMode.HALF_EVEN).toPlainString();
  }

  /** One pair's prices at one moment, as decimal strings. */
  record Quote(String pair, String bid, String ask, String last) {}
}
