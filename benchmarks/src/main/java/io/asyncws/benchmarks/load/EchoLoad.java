package io.asyncws.benchmarks.load;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.channels.SelectionKey;
import java.nio.channels.Selector;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.HdrHistogram.Histogram;

/**
 * The echo mode: N connections, each keeping {@code window} messages in flight, driven by one
 * selector thread (the runner pins it to its own core). Echoes completed during warm-up are
 * checked but not counted; after the measured period no new messages are sent, the ones in
 * flight are awaited (those that never come are errors), and every connection is closed with a
 * close handshake.
 */
final class EchoLoad {
  /** How long echoes in flight at the end may take before they count as lost. */
  private static final long DRAIN_NANOS = TimeUnit.SECONDS.toNanos(10);
  /** How long servers get to answer our Close. */
  private static final long CLOSE_NANOS = TimeUnit.SECONDS.toNanos(2);
  private static final int CONNECT_TIMEOUT_MILLIS = 10_000;
  /** Round trips above a minute are recorded as a minute. */
  private static final long LATENCY_MAX_NANOS = TimeUnit.MINUTES.toNanos(1);
  private static final int FAILURES_KEPT = 5;

  private EchoLoad() {}

  /** Runs the load described by {@code options} and returns what it measured. */
  static EchoResult run(LoadOptions options) throws IOException {
    Payloads payloads =
        options.payload() == LoadOptions.Payload.JSON
            ? new JsonPayload(options.size(), options.connections())
            : new PayloadPattern(options.size(), !options.binary());
    Histogram latency = new Histogram(LATENCY_MAX_NANOS, 3);
    long[] measured = new long[1];
    boolean[] measuring = new boolean[1];
    EchoConnection.Events events =
        nanos -> {
          if (measuring[0]) {
            latency.recordValue(Math.min(nanos, LATENCY_MAX_NANOS));
            measured[0]++;
          }
        };
    InetSocketAddress server = new InetSocketAddress(options.host(), options.port());
    List<EchoConnection> connections = new ArrayList<>();
    try (Selector selector = Selector.open()) {
      for (int id = 0; id < options.connections(); id++) {
        ClientHandshake.Upgraded up = ClientHandshake.open(server, options.path(), CONNECT_TIMEOUT_MILLIS);
        up.channel().configureBlocking(false);
        SelectionKey key = up.channel().register(selector, SelectionKey.OP_READ);
        EchoConnection c =
            new EchoConnection(
                id, up.channel(), key, payloads, options.binary(), options.window(), up.leftover(), events);
        key.attach(c);
        connections.add(c);
      }
      long start = System.nanoTime();
      long measureFrom = start + seconds(options.warmupSeconds());
      long measureUntil = measureFrom + seconds(options.durationSeconds());
      for (EchoConnection c : connections) c.fillWindow();

      long now = start;
      while (now < measureUntil) {
        if (!measuring[0] && now >= measureFrom) measuring[0] = true;
        long until = measuring[0] ? measureUntil : measureFrom;
        poll(selector, true, until - now);
        now = System.nanoTime();
      }
      measuring[0] = false;
      double seconds = (now - measureFrom) / 1e9;

      long drainUntil = now + DRAIN_NANOS;
      while (inFlight(connections) > 0 && (now = System.nanoTime()) < drainUntil) {
        poll(selector, false, drainUntil - now);
      }
      long lost = inFlight(connections);

      for (EchoConnection c : connections) c.sendClose();
      long closeUntil = System.nanoTime() + CLOSE_NANOS;
      while (open(connections) > 0 && (now = System.nanoTime()) < closeUntil) {
        poll(selector, false, closeUntil - now);
      }

      List<String> failures = new ArrayList<>();
      long failed = 0;
      for (EchoConnection c : connections) {
        if (c.failure() == null) continue;
        failed++;
        if (failures.size() < FAILURES_KEPT) failures.add(c.failure());
      }
      if (lost > 0) failures.add(lost + " echoes never came back within " + DRAIN_NANOS / 1_000_000_000 + " s.");
      return new EchoResult(
          measured[0],
          seconds,
          options.size(),
          latency.getValueAtPercentile(50) / 1e3,
          latency.getValueAtPercentile(99) / 1e3,
          latency.getValueAtPercentile(99.9) / 1e3,
          failed + lost,
          failures);
    } finally {
      for (EchoConnection c : connections) c.shutdown();
    }
  }

  /** One round of the selector: waits at most {@code nanos}, serves every ready connection. */
  private static void poll(Selector selector, boolean sending, long nanos) throws IOException {
    long millis = Math.max(1, TimeUnit.NANOSECONDS.toMillis(nanos));
    selector.select(
        key -> {
          EchoConnection c = (EchoConnection) key.attachment();
          try {
            if (key.isReadable()) c.onReadable(sending);
            if (key.isValid() && key.isWritable()) c.flush();
          } catch (IOException e) {
            c.fail("I/O failed: " + e.getMessage());
          }
        },
        millis);
  }

  private static long inFlight(List<EchoConnection> connections) {
    long n = 0;
    for (EchoConnection c : connections) if (c.failure() == null) n += c.inFlight();
    return n;
  }

  private static long open(List<EchoConnection> connections) {
    long n = 0;
    for (EchoConnection c : connections) if (c.failure() == null && !c.closed()) n++;
    return n;
  }

  private static long seconds(double s) {
    return (long) (s * 1e9);
  }
}
