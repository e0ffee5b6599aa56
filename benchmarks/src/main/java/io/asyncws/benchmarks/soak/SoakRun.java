package io.asyncws.benchmarks.soak;

import io.asyncws.benchmarks.load.ClientHandshake;
import io.asyncws.benchmarks.load.EchoConnection;
import io.asyncws.benchmarks.load.PayloadPattern;
import java.io.IOException;
import java.io.PrintStream;
import java.net.InetSocketAddress;
import java.nio.channels.SelectionKey;
import java.nio.channels.Selector;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;

/**
 * The soak itself: opens the idle and the active connections, runs steady traffic on the active
 * ones for the given time while sampling the server, then checks that every connection still
 * works, closes them all and reads the server once more. One selector thread drives every
 * connection, as in the load program.
 *
 * <p>The traffic is steady rather than flat out, because the soak looks for growth over time, not
 * for throughput: every {@link #TEXT_TICK_NANOS} each text connection tops its window of
 * {@link #TEXT_WINDOW} 32-byte messages back up (at most 40 echoes a second per connection), and
 * every tenth active connection sends 64 KiB binary messages instead, one at a time, topped up
 * every {@link #BINARY_TICK_NANOS}. Every echo is checked byte for byte and in order.
 */
final class SoakRun {
  static final int TEXT_SIZE = 32;
  static final int TEXT_WINDOW = 4;
  static final long TEXT_TICK_NANOS = TimeUnit.MILLISECONDS.toNanos(100);
  static final int BINARY_SIZE = 64 << 10;
  static final long BINARY_TICK_NANOS = TimeUnit.SECONDS.toNanos(1);
  /** Active connection {@code i} sends binary when {@code i % BINARY_EVERY == 0}. */
  static final int BINARY_EVERY = 10;
  private static final int CONNECT_TIMEOUT_MILLIS = 10_000;
  /** While opening thousands of connections, Pings are answered after every this many. */
  private static final int SERVE_EVERY = 100;
  private static final int PROGRESS_EVERY = 2_000;
  /** How long echoes in flight at the end, and the Pongs to our last Pings, may take. */
  private static final long DRAIN_NANOS = TimeUnit.SECONDS.toNanos(10);
  /** How long the server gets to answer the Close of each active connection. */
  private static final long CLOSE_NANOS = TimeUnit.SECONDS.toNanos(2);
  /** How long the server gets to release its sockets after every connection closed. */
  private static final long RELEASE_NANOS = TimeUnit.SECONDS.toNanos(15);
  private static final long RELEASE_POLL_MILLIS = 200;
  private static final int FAILURES_KEPT = 5;

  private final SoakOptions options;
  private final PrintStream out;
  private final ServerProbe probe;
  private final List<IdlePeer> idle = new ArrayList<>();
  private final List<EchoConnection> text = new ArrayList<>();
  private final List<EchoConnection> binary = new ArrayList<>();
  private final List<String> openFailures = new ArrayList<>();
  private final long[] textEchoed = new long[1];
  private final long[] binaryEchoed = new long[1];
  private Selector selector;
  private Map<String, Integer> threadsAtFirstPeriod = Map.of();
  private Map<String, Integer> threadsAtEnd = Map.of();
  private HeapHistogram heapAtFirstPeriod;
  private HeapHistogram heapAtEnd;
  private String heapProblem;

  private SoakRun(SoakOptions options, PrintStream out) {
    this.options = options;
    this.out = out;
    this.probe = new ServerProbe(options.serverPid());
  }

  /** Runs the soak described by {@code options}, printing a line per sample to {@code out}. */
  static SoakResult run(SoakOptions options, PrintStream out) throws IOException {
    return new SoakRun(options, out).run();
  }

  private SoakResult run() throws IOException {
    try (Selector s = Selector.open()) {
      selector = s;
      try {
        HeapHistogram.prepare(options.serverPid());
      } catch (IOException e) {
        heapProblem = e.getMessage();
      }
      ServerProbe.Reading baseline = probe.read();
      out.printf(
          Locale.ROOT, "baseline: rss=%d KiB threads=%d fds=%d sockets=%d%n",
          baseline.rssKib(), baseline.threads(), baseline.fds(), baseline.sockets());
      openAll();
      List<Sample> samples = new ArrayList<>();
      traffic(samples);
      long lost = drain();
      int alive = probeIdle();
      closeAll();
      ServerProbe.Reading after = awaitRelease(baseline);
      out.printf(
          Locale.ROOT, "after closing every connection: rss=%d KiB threads=%d fds=%d sockets=%d%n",
          after.rssKib(), after.threads(), after.fds(), after.sockets());

      List<String> failures = new ArrayList<>(openFailures);
      if (heapProblem != null) failures.add("The live heap could not be measured: " + heapProblem);
      for (String f : connectionFailures()) if (failures.size() < FAILURES_KEPT) failures.add(f);
      if (lost > 0) failures.add(lost + " echoes never came back within " + seconds(DRAIN_NANOS) + " s.");
      int idleDead = (int) idle.stream().filter(p -> p.failure() == null && !p.probeAnswered()).count();
      if (idleDead > 0) {
        failures.add(idleDead + " idle connections did not answer a Ping within " + seconds(DRAIN_NANOS) + " s at the end.");
      }
      return new SoakResult(
          baseline, List.copyOf(samples), after, idle.size(), text.size() + binary.size(),
          textEchoed[0], binaryEchoed[0], lost, alive, errors() + lost + idleDead + (heapProblem != null ? 1 : 0),
          List.copyOf(failures), threadsAtFirstPeriod, threadsAtEnd,
          heapAtFirstPeriod, heapAtEnd);
    } finally {
      idle.forEach(IdlePeer::shutdown);
      text.forEach(EchoConnection::shutdown);
      binary.forEach(EchoConnection::shutdown);
    }
  }

  /** Opens the active connections, then the idle ones; stops at the first that fails. */
  private void openAll() throws IOException {
    InetSocketAddress server = new InetSocketAddress(options.host(), options.port());
    PayloadPattern textPattern = new PayloadPattern(TEXT_SIZE, true);
    PayloadPattern binaryPattern = new PayloadPattern(BINARY_SIZE, false);
    long start = System.nanoTime();
    int total = options.active() + options.idle();
    for (int i = 0; i < total && openFailures.isEmpty(); i++) {
      ClientHandshake.Upgraded up;
      try {
        up = ClientHandshake.open(server, options.path(), CONNECT_TIMEOUT_MILLIS);
      } catch (IOException e) {
        openFailures.add("connection " + i + " of " + total + " failed to open: " + e.getMessage());
        break;
      }
      up.channel().configureBlocking(false);
      SelectionKey key = up.channel().register(selector, SelectionKey.OP_READ);
      if (i < options.active()) {
        boolean isBinary = i % BINARY_EVERY == 0;
        long[] counter = isBinary ? binaryEchoed : textEchoed;
        EchoConnection c =
            new EchoConnection(
                i, up.channel(), key, isBinary ? binaryPattern : textPattern, isBinary,
                isBinary ? 1 : TEXT_WINDOW, up.leftover(), nanos -> counter[0]++);
        key.attach(c);
        (isBinary ? binary : text).add(c);
      } else {
        IdlePeer p = new IdlePeer(i, up.channel(), key, up.leftover());
        key.attach(p);
        idle.add(p);
      }
      if ((i + 1) % SERVE_EVERY == 0) poll(0);
      if ((i + 1) % PROGRESS_EVERY == 0) out.println("opened " + (i + 1) + " of " + total + " connections");
    }
    out.printf(
        Locale.ROOT, "opened %d active (%d binary) and %d idle connections in %.1f s%n",
        text.size() + binary.size(), binary.size(), idle.size(), (System.nanoTime() - start) / 1e9);
  }

  /**
   * The timed part: traffic, and a sample every interval from 0 to the end inclusive; notes the
   * server's threads by name and live heap at the start of the first compared period (before
   * that period's first sample, so the full collection is behind it) and at the end.
   */
  private void traffic(List<Sample> samples) throws IOException {
    boolean firstPeriodNoted = false;
    long start = System.nanoTime();
    long end = start + (long) (options.seconds() * 1e9);
    long interval = (long) (options.sampleSeconds() * 1e9);
    long firstPeriod = start + (long) (options.seconds() * GrowthVerdict.WARMUP_FRACTION * 1e9);
    long nextSample = start;
    long nextText = start;
    long nextBinary = start;
    while (true) {
      long now = System.nanoTime();
      if (now >= nextText) {
        for (EchoConnection c : text) c.fillWindow();
        nextText = now + TEXT_TICK_NANOS;
      }
      if (now >= nextBinary) {
        for (EchoConnection c : binary) c.fillWindow();
        nextBinary = now + BINARY_TICK_NANOS;
      }
      if (now >= nextSample) {
        if (!firstPeriodNoted && now >= firstPeriod) {
          threadsAtFirstPeriod = probe.threadNames();
          heapAtFirstPeriod = histogram();
          firstPeriodNoted = true;
          now = System.nanoTime();
        }
        Sample sample = sample((now - start) / 1e9);
        samples.add(sample);
        out.println(sample.line());
        if (nextSample >= end) {
          threadsAtEnd = probe.threadNames();
          if (heapAtFirstPeriod != null) heapAtEnd = histogram();
          break;
        }
        nextSample = Math.min(nextSample + interval, end);
      }
      poll(Math.min(nextSample, Math.min(nextText, nextBinary)) - System.nanoTime());
    }
  }

  /** The server's live heap now, or null with {@link #heapProblem} set. */
  private HeapHistogram histogram() {
    if (heapProblem != null) return null;
    try {
      return HeapHistogram.take(options.serverPid());
    } catch (IOException e) {
      heapProblem = e.getMessage();
      return null;
    }
  }

  /** Waits, boundedly, for the echoes still in flight; returns how many never came. */
  private long drain() throws IOException {
    pollUntil(() -> inFlight() == 0, DRAIN_NANOS);
    return inFlight();
  }

  /** Sends a Ping on every idle connection; returns how many answered in time. */
  private int probeIdle() throws IOException {
    for (IdlePeer p : idle) {
      try {
        p.sendProbe();
      } catch (IOException e) {
        p.fail("I/O failed: " + e.getMessage());
      }
    }
    BooleanSupplier allAnswered = () -> idle.stream().allMatch(p -> p.failure() != null || p.probeAnswered());
    pollUntil(allAnswered, DRAIN_NANOS);
    return (int) idle.stream().filter(IdlePeer::probeAnswered).count();
  }

  /** Closes the active connections with a close handshake and the idle ones by closing the socket. */
  private void closeAll() throws IOException {
    List<EchoConnection> active = new ArrayList<>(text);
    active.addAll(binary);
    for (EchoConnection c : active) {
      try {
        c.sendClose();
      } catch (IOException e) {
        c.fail("I/O failed: " + e.getMessage());
      }
    }
    pollUntil(() -> active.stream().allMatch(c -> c.failure() != null || c.closed()), CLOSE_NANOS);
    active.forEach(EchoConnection::shutdown);
    idle.forEach(IdlePeer::shutdown);
    // A channel registered with a selector is closed for real only when the selector drops its
    // cancelled key: without this the server would see no FIN until the selector closes.
    selector.selectNow();
  }

  /** Reads the server until its sockets are back to the baseline, or the bound passes. */
  private ServerProbe.Reading awaitRelease(ServerProbe.Reading baseline) throws IOException {
    long until = System.nanoTime() + RELEASE_NANOS;
    ServerProbe.Reading r = probe.read();
    while (r.sockets() > baseline.sockets() && System.nanoTime() < until) {
      try {
        Thread.sleep(RELEASE_POLL_MILLIS); // another process's sockets: nothing to wait on but time
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        break;
      }
      r = probe.read();
    }
    return r;
  }

  private Sample sample(double seconds) throws IOException {
    ServerProbe.Reading r = probe.read();
    long pings = 0;
    for (IdlePeer p : idle) pings += p.pingsAnswered();
    return new Sample(
        seconds, r.rssKib(), r.threads(), r.fds(), r.sockets(), textEchoed[0] + binaryEchoed[0],
        errors(), open(), pings);
  }

  private void pollUntil(BooleanSupplier done, long nanos) throws IOException {
    long until = System.nanoTime() + nanos;
    long now;
    while (!done.getAsBoolean() && (now = System.nanoTime()) < until) poll(until - now);
  }

  /** One round of the selector: waits at most {@code nanos} (0: not at all), serves what is ready. */
  private void poll(long nanos) throws IOException {
    Consumer<SelectionKey> serve =
        key -> {
          Object a = key.attachment();
          try {
            if (a instanceof EchoConnection c) {
              // Windows are topped up on the ticks only, never on reading: a steady rate.
              if (key.isReadable()) c.onReadable(false);
              if (key.isValid() && key.isWritable()) c.flush();
            } else if (a instanceof IdlePeer p) {
              if (key.isReadable()) p.onReadable();
              if (key.isValid() && key.isWritable()) p.flush();
            }
          } catch (IOException e) {
            if (a instanceof EchoConnection c) c.fail("I/O failed: " + e.getMessage());
            else ((IdlePeer) a).fail("I/O failed: " + e.getMessage());
          }
        };
    if (nanos <= 0) selector.selectNow(serve);
    else selector.select(serve, Math.max(1, TimeUnit.NANOSECONDS.toMillis(nanos)));
  }

  private long inFlight() {
    long n = 0;
    for (EchoConnection c : text) if (c.failure() == null) n += c.inFlight();
    for (EchoConnection c : binary) if (c.failure() == null) n += c.inFlight();
    return n;
  }

  private int open() {
    int n = 0;
    for (IdlePeer p : idle) if (p.failure() == null) n++;
    for (EchoConnection c : text) if (c.failure() == null) n++;
    for (EchoConnection c : binary) if (c.failure() == null) n++;
    return n;
  }

  /** Connections that did not open or have failed since (a mismatched echo fails its connection). */
  private long errors() {
    long asked = (long) options.active() + options.idle();
    long opened = idle.size() + text.size() + binary.size();
    return asked - opened + (opened - open());
  }

  private List<String> connectionFailures() {
    List<String> failures = new ArrayList<>();
    for (EchoConnection c : text) if (c.failure() != null) failures.add(c.failure());
    for (EchoConnection c : binary) if (c.failure() != null) failures.add(c.failure());
    for (IdlePeer p : idle) if (p.failure() != null) failures.add(p.failure());
    return failures;
  }

  private static long seconds(long nanos) {
    return TimeUnit.NANOSECONDS.toSeconds(nanos);
  }
}
