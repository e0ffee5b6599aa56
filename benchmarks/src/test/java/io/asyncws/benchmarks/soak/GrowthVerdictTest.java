package io.asyncws.benchmarks.soak;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.DoubleToLongFunction;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * The verdict over synthetic samples of a 10-minute soak sampled every 10 s: a flat server passes,
 * each kind of leak is named, and growth during the warm-up is forgiven.
 */
@Timeout(value = 10, unit = TimeUnit.SECONDS)
class GrowthVerdictTest {
  private static final double RUN_SECONDS = 600;
  private static final long RSS_KIB = 300_000;

  @Test
  void flatServerWithCollectorNoiseDidNotGrow() {
    GrowthVerdict v = GrowthVerdict.judge(samples(t -> RSS_KIB + noise(t), t -> 30, t -> 10_130), RUN_SECONDS);
    assertFalse(v.grew(), v.checks().toString());
    assertEquals(List.of(), v.grown());
  }

  @Test
  void rssClimbingOneAndAHalfMebibytesAMinuteGrewBySlope() {
    // 1.5 MiB/min: above the slope limit, yet only 12 MiB over the 8 minutes between the periods,
    // under the median limit.
    GrowthVerdict v =
        GrowthVerdict.judge(samples(t -> RSS_KIB + noise(t) + (long) (t / 60 * 1536), t -> 30, t -> 10_130), RUN_SECONDS);
    assertEquals(List.of("rss slope"), v.grown());
  }

  @Test
  void rssJumpingTwentyMebibytesInTheLastMinuteGrewByMedian() {
    GrowthVerdict v =
        GrowthVerdict.judge(samples(t -> t >= 540 ? RSS_KIB + (20 << 10) : RSS_KIB, t -> 30, t -> 10_130), RUN_SECONDS);
    assertTrue(v.grown().contains("rss median"), v.checks().toString());
  }

  @Test
  void oneThreadMoreEveryMinuteGrew() {
    GrowthVerdict v = GrowthVerdict.judge(samples(t -> RSS_KIB, t -> 30 + (long) (t / 60), t -> 10_130), RUN_SECONDS);
    assertEquals(List.of("threads"), v.grown());
  }

  @Test
  void oneDescriptorMoreInTheLastPeriodGrew() {
    GrowthVerdict v = GrowthVerdict.judge(samples(t -> RSS_KIB, t -> 30, t -> t >= 590 ? 10_131 : 10_130), RUN_SECONDS);
    assertEquals(List.of("fds"), v.grown());
  }

  @Test
  void growthDuringWarmUpIsForgiven() {
    // Threads, fds and memory climb in the first minute (JIT, pools, heap sizing), then hold.
    GrowthVerdict v =
        GrowthVerdict.judge(
            samples(t -> t < 60 ? 100_000 + (long) t * 3_000 : RSS_KIB, t -> t < 60 ? 12 + (long) t / 5 : 30,
                t -> t < 60 ? 200 : 10_130),
            RUN_SECONDS);
    assertFalse(v.grew(), v.checks().toString());
  }

  @Test
  void runWithoutSamplesInTheLastPeriodIsRefused() {
    List<Sample> early = samples(t -> RSS_KIB, t -> 30, t -> 10_130).subList(0, 30); // up to 290 s
    assertThrows(IllegalArgumentException.class, () -> GrowthVerdict.judge(early, RUN_SECONDS));
  }

  @Test
  void liveHeapSixPercentLargerAtTheEndGrewAndFourPercentDidNot() {
    GrowthVerdict flat = GrowthVerdict.judge(samples(t -> RSS_KIB, t -> 30, t -> 10_130), RUN_SECONDS);
    assertEquals(List.of("live heap"), flat.withLiveHeap(100_000_000, 106_000_000).grown());
    assertEquals(List.of(), flat.withLiveHeap(100_000_000, 104_000_000).grown());
  }

  @Test
  void histogramParsesJcmdOutputAndNamesTheClassesThatGrew() throws Exception {
    // The shape jcmd GC.class_histogram prints on JDK 17.
    String before =
        """
        12345:
         num     #instances         #bytes  class name (module)
        -------------------------------------------------------
           1:          1000         800000  [B (java.base@17.0.15)
           2:           200          12800  io.asyncws.runtime.session.WebSocketSession
        Total          1200         812800
        """;
    String after =
        """
        12345:
         num     #instances         #bytes  class name (module)
        -------------------------------------------------------
           1:          1000         800000  [B (java.base@17.0.15)
           2:           300          19200  io.asyncws.runtime.session.WebSocketSession
           3:            10            240  java.lang.Object (java.base@17.0.15)
        Total          1310         819440
        """;
    HeapHistogram first = HeapHistogram.parse(before);
    HeapHistogram last = HeapHistogram.parse(after);
    assertEquals(812_800, first.liveBytes());
    assertEquals(1_310, last.instances());
    assertEquals(
        List.of("+6,400 bytes +100 objects io.asyncws.runtime.session.WebSocketSession",
            "+240 bytes +10 objects java.lang.Object"),
        last.topGrowth(first, 10));
    assertThrows(IOException.class, () -> HeapHistogram.parse("12345:\nAttach failed\n"));
  }

  @Test
  void threadChangeNamesOnlyTheThreadsWhoseCountMoved() {
    assertEquals(
        "'C# CompilerThre#' 1->2, 'pool-#-thread-#' 0->1",
        SoakMain.threadChange(
            Map.of("C# CompilerThre#", 1, "asyncws-loop-#", 2),
            Map.of("C# CompilerThre#", 2, "asyncws-loop-#", 2, "pool-#-thread-#", 1)));
    assertEquals("", SoakMain.threadChange(Map.of("main", 1), Map.of("main", 1)));
  }

  /** Deterministic swings of up to ±4 MiB, as code cache, metaspace and allocator arenas make. */
  private static long noise(double t) {
    return (long) (4_096 * Math.sin(t * 0.7) * Math.cos(t * 0.13));
  }

  /** Samples at 0, 10, ..., 600 s. */
  private static List<Sample> samples(
      DoubleToLongFunction rssKib, DoubleToLongFunction threads, DoubleToLongFunction fds) {
    List<Sample> samples = new ArrayList<>();
    for (int t = 0; t <= RUN_SECONDS; t += 10) {
      samples.add(
          new Sample(t, rssKib.applyAsLong(t), (int) threads.applyAsLong(t), (int) fds.applyAsLong(t),
              (int) fds.applyAsLong(t) - 30, t * 3_600L, 0, 10_100, 0));
    }
    return samples;
  }
}
