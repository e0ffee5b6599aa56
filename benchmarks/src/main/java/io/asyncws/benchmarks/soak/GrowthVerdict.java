package io.asyncws.benchmarks.soak;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.function.ToLongFunction;

/**
 * Decides from the samples of a soak whether the server grew: the first tenth of the run is
 * warm-up and ignored (the JIT compiles, the heap finds its size, thread pools fill); the next
 * tenth is the <em>first period</em>, the last tenth the <em>last period</em>, and everything
 * after the warm-up the <em>steady part</em>.
 *
 * <ul>
 *   <li>Threads and file descriptors are counts that a healthy server holds still under a steady
 *       load: the largest value of the last period must not exceed the largest of the first.
 *   <li>Resident memory moves with garbage collection, so it is judged twice, more loosely: the
 *       last period's median at most {@link #RSS_MEDIAN_TOLERANCE_KIB} above the first period's, and
 *       the least-squares slope over the steady part at most {@link #RSS_SLOPE_MAX_KIB_PER_MINUTE}.
 *       Either failing counts as growth.
 *   <li>The live Java heap, measured after a full collection at the start of the first period and
 *       at the end ({@link HeapHistogram}), at most {@link #LIVE_HEAP_TOLERANCE} larger at the end.
 * </ul>
 *
 * @param checks one per rule, in the order of {@link #rule(double)}
 */
record GrowthVerdict(List<GrowthVerdict.Check> checks) {
  /** Warm-up: the JIT, heap sizing and pool start-up settle within the first tenth of a run. */
  static final double WARMUP_FRACTION = 0.10;
  /** Each compared period is a tenth of the run: a minute of a 10-minute soak. */
  static final double PERIOD_FRACTION = 0.10;
  /**
   * 16 MiB, absolute rather than relative because the soak's server pre-touches a fixed heap (a
   * tenth of that alone would hide 100 MiB): more than code cache and metaspace still move after
   * warm-up, less than 2 KiB kept per connection over 10 000.
   */
  static final long RSS_MEDIAN_TOLERANCE_KIB = 16 << 10;
  /**
   * 1 MiB a minute: over 10 000 connections, a leak of about 100 bytes per connection per minute,
   * or 20 bytes per echo at 1 000 echoes a second, crosses it; a heap that has found its size
   * moves far less.
   */
  static final double RSS_SLOPE_MAX_KIB_PER_MINUTE = 1024;
  /**
   * 5 %: live objects after a full collection barely move under a steady load; over 10 000
   * connections this is a few hundred bytes kept per connection.
   */
  static final double LIVE_HEAP_TOLERANCE = 0.05;

  /**
   * One rule's outcome.
   *
   * @param name what was judged
   * @param grew whether the rule says it grew
   * @param figures the numbers the rule compared, as printed
   */
  record Check(String name, boolean grew, String figures) {}

  /** Whether any rule says the server grew. */
  boolean grew() {
    return checks.stream().anyMatch(Check::grew);
  }

  /** The names of the rules that say it grew. */
  List<String> grown() {
    return checks.stream().filter(Check::grew).map(Check::name).toList();
  }

  /**
   * This verdict with the live-heap rule added: {@code firstBytes} live at the start of the first
   * period, {@code lastBytes} at the end.
   */
  GrowthVerdict withLiveHeap(long firstBytes, long lastBytes) {
    double change = firstBytes > 0 ? (double) (lastBytes - firstBytes) / firstBytes : 0;
    List<Check> all = new ArrayList<>(checks);
    all.add(
        new Check(
            "live heap",
            change > LIVE_HEAP_TOLERANCE,
            String.format(
                Locale.ROOT, "after a full collection %d KiB at the first period, %d KiB at the end (%+.1f%%, limit +%.0f%%)",
                firstBytes >> 10, lastBytes >> 10, change * 100, LIVE_HEAP_TOLERANCE * 100)));
    return new GrowthVerdict(List.copyOf(all));
  }

  /** The rule, in words, for a run of {@code seconds}. */
  static String rule(double seconds) {
    return String.format(
        Locale.ROOT,
        "warm-up 0-%.0f s ignored; first period %.0f-%.0f s, last period %.0f-%.0f s. Threads and fds:"
            + " the largest value of the last period must not exceed the largest of the first. RSS: the"
            + " last period's median at most %d KiB above the first period's, and the least-squares"
            + " slope over %.0f-%.0f s at most %.0f KiB/min. Live heap (jcmd GC.class_histogram, after"
            + " a full collection, at %.0f s and at the end): at most %.0f%% larger at the end.",
        warmupEnd(seconds), warmupEnd(seconds), firstEnd(seconds), lastStart(seconds), seconds,
        RSS_MEDIAN_TOLERANCE_KIB, warmupEnd(seconds), seconds, RSS_SLOPE_MAX_KIB_PER_MINUTE,
        warmupEnd(seconds), LIVE_HEAP_TOLERANCE * 100);
  }

  /**
   * Judges the samples of a run of {@code seconds}; throws with a sentence when the first or the
   * last period holds no sample.
   */
  static GrowthVerdict judge(List<Sample> samples, double seconds) {
    List<Sample> steady = samples.stream().filter(s -> s.seconds() >= warmupEnd(seconds)).toList();
    List<Sample> first = steady.stream().filter(s -> s.seconds() <= firstEnd(seconds)).toList();
    List<Sample> last = steady.stream().filter(s -> s.seconds() >= lastStart(seconds)).toList();
    if (first.isEmpty() || last.isEmpty()) {
      throw new IllegalArgumentException(
          "The first or the last tenth of the run holds no sample: sample more often than every "
              + seconds * PERIOD_FRACTION + " s.");
    }
    List<Check> checks = new ArrayList<>();
    checks.add(countCheck("threads", first, last, Sample::threads));
    checks.add(countCheck("fds", first, last, Sample::fds));

    long firstMedian = median(first, Sample::rssKib);
    long lastMedian = median(last, Sample::rssKib);
    checks.add(
        new Check(
            "rss median",
            lastMedian - firstMedian > RSS_MEDIAN_TOLERANCE_KIB,
            String.format(
                Locale.ROOT, "first period median %d KiB, last period median %d KiB (%+d KiB, limit +%d)",
                firstMedian, lastMedian, lastMedian - firstMedian, RSS_MEDIAN_TOLERANCE_KIB)));

    double slope = slopePerMinute(steady, Sample::rssKib);
    checks.add(
        new Check(
            "rss slope",
            slope > RSS_SLOPE_MAX_KIB_PER_MINUTE,
            String.format(
                Locale.ROOT, "least-squares slope over %d samples %+.1f KiB/min (limit %.0f)",
                steady.size(), slope, RSS_SLOPE_MAX_KIB_PER_MINUTE)));
    return new GrowthVerdict(List.copyOf(checks));
  }

  private static Check countCheck(
      String name, List<Sample> first, List<Sample> last, ToLongFunction<Sample> value) {
    long firstMax = first.stream().mapToLong(value).max().orElseThrow();
    long lastMax = last.stream().mapToLong(value).max().orElseThrow();
    long firstMin = first.stream().mapToLong(value).min().orElseThrow();
    long lastMin = last.stream().mapToLong(value).min().orElseThrow();
    return new Check(
        name,
        lastMax > firstMax,
        String.format(
            Locale.ROOT, "first period %d..%d, last period %d..%d", firstMin, firstMax, lastMin, lastMax));
  }

  private static long median(List<Sample> samples, ToLongFunction<Sample> value) {
    long[] values = samples.stream().mapToLong(value).sorted().toArray();
    int mid = values.length / 2;
    return values.length % 2 == 1 ? values[mid] : (values[mid - 1] + values[mid]) / 2;
  }

  /** The least-squares slope of {@code value} against time, per minute; 0 for fewer than 2 samples. */
  private static double slopePerMinute(List<Sample> samples, ToLongFunction<Sample> value) {
    if (samples.size() < 2) return 0;
    double[] t = samples.stream().mapToDouble(s -> s.seconds() / 60).toArray();
    double[] y = samples.stream().mapToDouble(s -> value.applyAsLong(s)).toArray();
    double tMean = Arrays.stream(t).average().orElseThrow();
    double yMean = Arrays.stream(y).average().orElseThrow();
    double covariance = 0;
    double variance = 0;
    for (int i = 0; i < t.length; i++) {
      covariance += (t[i] - tMean) * (y[i] - yMean);
      variance += (t[i] - tMean) * (t[i] - tMean);
    }
    return variance == 0 ? 0 : covariance / variance;
  }

  private static double warmupEnd(double seconds) {
    return seconds * WARMUP_FRACTION;
  }

  private static double firstEnd(double seconds) {
    return seconds * (WARMUP_FRACTION + PERIOD_FRACTION);
  }

  private static double lastStart(double seconds) {
    return seconds * (1 - PERIOD_FRACTION);
  }
}
