package io.asyncws.benchmarks.soak;

import java.io.IOException;
import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeSet;

/**
 * The soak test: holds many idle connections and steady echo traffic on a few against a running
 * echo server for minutes, samples the server's resident memory, threads and file descriptors,
 * and says whether any of them grew. {@code benchmarks/soak.sh} starts the server and runs this.
 *
 * <pre>
 * java -cp benchmarks.jar io.asyncws.benchmarks.soak.SoakMain --port P --server-pid PID \
 *     [--idle 10000] [--active 100] [--minutes 10] [--sample-seconds 10]
 * </pre>
 *
 * <p>Prints a line per sample, a summary, the rule of {@link GrowthVerdict}, its figures and the
 * verdict, then one {@code RESULT key=value ...} line for scripts. Exits 0 when nothing grew and
 * nothing failed, 1 otherwise, 2 on bad usage.
 */
public final class SoakMain {
  /** Classes listed from the live-heap comparison. */
  private static final int TOP_CLASSES = 10;

  private SoakMain() {}

  /** Runs the soak; see the class comment. */
  public static void main(String[] args) {
    System.exit(run(List.of(args), System.out, System.err));
  }

  static int run(List<String> args, PrintStream out, PrintStream err) {
    SoakOptions options;
    try {
      options = SoakOptions.parse(args);
    } catch (IllegalArgumentException e) {
      err.println("soak: " + e.getMessage());
      err.print(SoakOptions.USAGE);
      return 2;
    }
    out.printf(
        Locale.ROOT,
        "soak: %d idle + %d active connections for %.0f s, sampled every %.0f s, server pid %d%n",
        options.idle(), options.active(), options.seconds(), options.sampleSeconds(), options.serverPid());
    SoakResult result;
    try {
      result = SoakRun.run(options, out);
    } catch (IOException e) {
      err.println("soak: " + e.getMessage());
      return 1;
    }
    return report(options, result, out);
  }

  /** Prints the summary and the verdict; returns the exit status. */
  static int report(SoakOptions options, SoakResult r, PrintStream out) {
    List<Sample> samples = r.samples();
    Sample first = samples.get(0);
    Sample last = samples.get(samples.size() - 1);
    long echoed = r.textEchoed() + r.binaryEchoed();
    long pings = last.pings();
    out.println();
    out.printf(
        Locale.ROOT, "traffic: %d echoes verified (%d text %d B, %d binary %d KiB), %.0f a second%n",
        echoed, r.textEchoed(), SoakRun.TEXT_SIZE, r.binaryEchoed(), SoakRun.BINARY_SIZE >> 10,
        echoed / Math.max(last.seconds(), 1e-9));
    out.printf(
        Locale.ROOT, "connections: %d of %d idle and %d of %d active opened; %d idle answered a Ping at the end;"
            + " %d Pings from the server answered%n",
        r.idleOpened(), options.idle(), r.activeOpened(), options.active(), r.idleAlive(), pings);
    out.printf(Locale.ROOT, "errors: %d%n", r.errors());
    r.failures().forEach(f -> out.println("  " + f));
    out.printf(
        Locale.ROOT, "server: rss %d -> %d KiB, threads %d -> %d, fds %d -> %d (first sample -> last)%n",
        first.rssKib(), last.rssKib(), first.threads(), last.threads(), first.fds(), last.fds());

    GrowthVerdict verdict = GrowthVerdict.judge(samples, options.seconds());
    if (r.heapAtFirstPeriod() != null && r.heapAtEnd() != null) {
      verdict = verdict.withLiveHeap(r.heapAtFirstPeriod().liveBytes(), r.heapAtEnd().liveBytes());
    }
    boolean released = r.afterClose().sockets() <= r.baseline().sockets();
    out.println();
    out.println("rule: " + GrowthVerdict.rule(options.seconds())
        + " Sockets: back to the baseline within 15 s of closing every connection.");
    for (GrowthVerdict.Check c : verdict.checks()) {
      out.printf("  %-11s %s: %s%n", c.name(), c.figures(), c.grew() ? "GREW" : "flat");
    }
    out.printf(
        "  %-11s %d after closing, %d at baseline: %s%n", "sockets", r.afterClose().sockets(),
        r.baseline().sockets(), released ? "released" : "NOT RELEASED");
    String threadChange = threadChange(r.threadsAtFirstPeriod(), r.threadsAtEnd());
    if (!threadChange.isEmpty()) out.println("  threads by name, first period -> end: " + threadChange);
    if (r.heapAtFirstPeriod() != null && r.heapAtEnd() != null) {
      out.println("  live heap, classes that grew most from the first period to the end:");
      r.heapAtEnd().topGrowth(r.heapAtFirstPeriod(), TOP_CLASSES).forEach(line -> out.println("    " + line));
    }

    List<String> grown = new ArrayList<>(verdict.grown());
    if (!released) grown.add("sockets");
    String what = grown.isEmpty() ? "nothing grew" : "GREW: " + String.join(", ", grown);
    out.println();
    out.printf("VERDICT: %s; %d errors%n", what, r.errors());
    out.printf(
        Locale.ROOT,
        "RESULT grew=%b errors=%d idle=%d active=%d seconds=%.0f msgs=%d pings=%d rss_first_kib=%d"
            + " rss_last_kib=%d threads_first=%d threads_last=%d fds_first=%d fds_last=%d"
            + " sockets_baseline=%d sockets_after_close=%d live_heap_first_kib=%d live_heap_last_kib=%d%n",
        !grown.isEmpty(), r.errors(), r.idleOpened(), r.activeOpened(), last.seconds(), echoed, pings,
        first.rssKib(), last.rssKib(), first.threads(), last.threads(), first.fds(), last.fds(),
        r.baseline().sockets(), r.afterClose().sockets(),
        r.heapAtFirstPeriod() != null ? r.heapAtFirstPeriod().liveBytes() >> 10 : -1,
        r.heapAtEnd() != null ? r.heapAtEnd().liveBytes() >> 10 : -1);
    return grown.isEmpty() && r.errors() == 0 ? 0 : 1;
  }

  /** The names whose thread count changed, as {@code name a->b}; empty when none did. */
  static String threadChange(Map<String, Integer> before, Map<String, Integer> after) {
    TreeSet<String> names = new TreeSet<>(before.keySet());
    names.addAll(after.keySet());
    List<String> changes = new ArrayList<>();
    for (String name : names) {
      int a = before.getOrDefault(name, 0);
      int b = after.getOrDefault(name, 0);
      if (a != b) changes.add("'" + name + "' " + a + "->" + b);
    }
    return String.join(", ", changes);
  }
}
