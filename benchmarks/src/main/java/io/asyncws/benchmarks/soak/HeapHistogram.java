package io.asyncws.benchmarks.soak;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * The live Java heap of another JVM, class by class, from {@code jcmd PID GC.class_histogram}. That
 * command runs a full collection first, so the totals are live objects only: the one measure of
 * the heap that a collector's rhythm does not blur. It pauses the server for the collection, so
 * the soak takes it only twice, at the start of the first compared period and after the last
 * sample.
 *
 * @param liveBytes bytes of all live objects
 * @param instances live objects
 * @param bytesByClass live bytes per class name
 * @param instancesByClass live objects per class name
 */
record HeapHistogram(
    long liveBytes, long instances, Map<String, Long> bytesByClass, Map<String, Long> instancesByClass) {
  /** jcmd starts a JVM, attaches and waits for a full collection: generous on a busy machine. */
  private static final long JCMD_TIMEOUT_SECONDS = 120;
  private static final long STOP_SECONDS = 5;

  /**
   * Makes process {@code pid} start its attach listener (one thread and one socket, kept for
   * good) with a harmless command, so that the baseline already counts them and the histograms
   * later add nothing to the threads, descriptors and sockets the soak watches.
   */
  static void prepare(long pid) throws IOException {
    jcmd(pid, "VM.uptime");
  }

  /** Takes the histogram of process {@code pid}. */
  static HeapHistogram take(long pid) throws IOException {
    return parse(jcmd(pid, "GC.class_histogram"));
  }

  /** Runs the jcmd beside this JVM's java; returns what it printed, or throws saying why not. */
  private static String jcmd(long pid, String command) throws IOException {
    Path jcmd = Path.of(System.getProperty("java.home"), "bin", "jcmd");
    if (!Files.isExecutable(jcmd)) throw new IOException(jcmd + " is missing: this JDK has no jcmd.");
    Path output = Files.createTempFile("soak-jcmd", ".txt");
    Process p =
        new ProcessBuilder(jcmd.toString(), Long.toString(pid), command)
            .redirectErrorStream(true)
            .redirectOutput(output.toFile())
            .start();
    try {
      if (!p.waitFor(JCMD_TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
        p.destroy();
        if (!p.waitFor(STOP_SECONDS, TimeUnit.SECONDS)) p.destroyForcibly();
        throw new IOException("jcmd " + command + " did not finish within " + JCMD_TIMEOUT_SECONDS + " s.");
      }
      String text = Files.readString(output, StandardCharsets.UTF_8);
      if (p.exitValue() != 0) throw new IOException("jcmd " + command + " failed: " + text.strip());
      return text;
    } catch (InterruptedException e) {
      p.destroyForcibly();
      Thread.currentThread().interrupt();
      throw new IOException("Interrupted while jcmd ran.", e);
    } finally {
      Files.deleteIfExists(output);
    }
  }

  /**
   * Parses the histogram's text: rows {@code "  1:  12345  1234567  [B (java.base@17)"} and a
   * last row {@code "Total  123456  12345678"}.
   */
  static HeapHistogram parse(String text) throws IOException {
    Map<String, Long> bytes = new HashMap<>();
    Map<String, Long> instances = new HashMap<>();
    for (String line : text.split("\n")) {
      String[] f = line.trim().split("\\s+");
      if (f.length == 3 && f[0].equals("Total")) {
        return new HeapHistogram(Long.parseLong(f[2]), Long.parseLong(f[1]), Map.copyOf(bytes), Map.copyOf(instances));
      }
      if (f.length >= 4 && f[0].endsWith(":") && f[1].matches("\\d+") && f[2].matches("\\d+")) {
        bytes.merge(f[3], Long.parseLong(f[2]), Long::sum); // the same name from two loaders adds up
        instances.merge(f[3], Long.parseLong(f[1]), Long::sum);
      }
    }
    throw new IOException("jcmd GC.class_histogram printed no Total line.");
  }

  /** The classes whose live bytes grew most from {@code before} to this, as printable lines. */
  List<String> topGrowth(HeapHistogram before, int limit) {
    List<Map.Entry<String, Long>> growth = new ArrayList<>();
    for (Map.Entry<String, Long> e : bytesByClass.entrySet()) {
      long delta = e.getValue() - before.bytesByClass.getOrDefault(e.getKey(), 0L);
      if (delta > 0) growth.add(Map.entry(e.getKey(), delta));
    }
    growth.sort(Map.Entry.<String, Long>comparingByValue(Comparator.reverseOrder()));
    List<String> lines = new ArrayList<>();
    for (Map.Entry<String, Long> e : growth.subList(0, Math.min(limit, growth.size()))) {
      String name = e.getKey();
      lines.add(
          String.format(
              Locale.ROOT, "%+,d bytes %+,d objects %s", e.getValue(),
              instancesByClass.getOrDefault(name, 0L) - before.instancesByClass.getOrDefault(name, 0L), name));
    }
    return lines;
  }
}
