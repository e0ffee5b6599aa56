package io.asyncws.samples.market;

import java.net.InetSocketAddress;
import java.net.URI;
import java.time.Duration;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CountDownLatch;

/**
 * The command line of the market-data sample.
 *
 * <pre>
 * java -jar market-data.jar exchange [--host 127.0.0.1] [--port 8090] [--tick-ms 500]
 * java -jar market-data.jar client [--url ws://127.0.0.1:8090] [--pairs XBT/USD,ETH/USD] [--seconds 5]
 * </pre>
 */
public final class MarketData {
  /** 8090: beside the chat sample's 8080/8081, so both samples can run at once. */
  static final int DEFAULT_PORT = 8090;
  /** 1 s: when Kraken sends a heartbeat on a quiet connection. */
  static final Duration HEARTBEAT = Duration.ofSeconds(1);

  private static final String USAGE = """
      Usage:
        market-data exchange [--host 127.0.0.1] [--port 8090] [--tick-ms 500]
        market-data client [--url ws://127.0.0.1:8090] [--pairs XBT/USD,ETH/USD] [--seconds 5]""";

  private MarketData() {}

  /**
   * Runs the exchange until the process is stopped, or the client for its duration.
   *
   * @param args the command and its options, see the class comment
   * @throws Exception when the client cannot reach the exchange
   */
  public static void main(String[] args) throws Exception {
    if (args.length == 0) {
      exit(USAGE);
    }
    Map<String, String> options = options(Arrays.copyOfRange(args, 1, args.length));
    Set<String> known = switch (args[0]) {
      case "exchange" -> Set.of("host", "port", "tick-ms");
      case "client" -> Set.of("url", "pairs", "seconds");
      default -> Set.of();
    };
    for (String option : options.keySet()) {
      if (!known.contains(option)) {
        exit("Unknown option --" + option + " for " + args[0] + ".\n" + USAGE);
      }
    }
    switch (args[0]) {
      case "exchange" -> exchange(options);
      case "client" -> {
        long ticks = MarketDataClient.run(
            URI.create(options.getOrDefault("url", "ws://127.0.0.1:" + DEFAULT_PORT)),
            List.of(options.getOrDefault("pairs", "XBT/USD,ETH/USD").split(",")),
            Duration.ofSeconds(Long.parseLong(options.getOrDefault("seconds", "5"))), System.out);
        System.exit(ticks > 0 ? 0 : 1);
      }
      default -> exit("Unknown command " + args[0] + ".\n" + USAGE);
    }
  }

  private static void exchange(Map<String, String> options) throws InterruptedException {
    String host = options.getOrDefault("host", "127.0.0.1");
    SimulatedExchange exchange = SimulatedExchange.start(
        new InetSocketAddress(host, Integer.parseInt(options.getOrDefault("port", "" + DEFAULT_PORT))),
        Duration.ofMillis(Long.parseLong(options.getOrDefault("tick-ms", "500"))), HEARTBEAT,
        System.nanoTime());
    CountDownLatch stopped = new CountDownLatch(1);
    Runtime.getRuntime().addShutdownHook(new Thread(() -> {
      exchange.close();
      stopped.countDown();
    }, "exchange-shutdown"));
    System.out.println("Simulated exchange on ws://" + host + ":" + exchange.port()
        + "/ lists " + Market.pairs() + " (Ctrl-C stops it).");
    stopped.await();
  }

  private static Map<String, String> options(String[] args) {
    Map<String, String> options = new HashMap<>();
    for (int i = 0; i < args.length; i += 2) {
      if (!args[i].startsWith("--") || i + 1 >= args.length) {
        exit("Option " + args[i] + " needs a value.\n" + USAGE);
      }
      options.put(args[i].substring(2), args[i + 1]);
    }
    return options;
  }

  private static void exit(String message) {
    System.err.println(message);
    System.exit(2);
  }
}
