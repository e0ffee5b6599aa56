package io.asyncws.benchmarks.report;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Turns the raw results {@code benchmarks/run.sh} collects into one Markdown table: a row per
 * cell and server, the payload it was sent, the mean over passes, the spread across passes, and
 * the ratio against Netty. When both are present, a second table compares the generated typed
 * server with our raw echo on the small-message cells, against the target of {@value
 * #GENERATED_TARGET}x.
 *
 * <p>Input: one line per measurement, tab-separated: pass, cell, server, then the {@code key=value}
 * fields of the load program's {@code RESULT} line; or {@code pass cell server FAILED reason}.
 *
 * <pre>java -cp benchmarks.jar io.asyncws.benchmarks.report.ReportMain results.tsv</pre>
 */
public final class ReportMain {
  /** Every ratio is against this server. */
  static final String BASELINE = "netty";
  /** Our raw echo server ({@code samples/echo}). */
  static final String OURS = "ours";
  /** The server generated from the echo contract ({@code samples/echo-generated}). */
  static final String GENERATED = "generated";
  /** The generated server should reach this share of the raw echo's msgs/s (issue 8). */
  static final double GENERATED_TARGET = 0.8;
  /** Cells with messages up to this size are the small-message cells (the 32 B ones, not 64 KiB). */
  static final int SMALL_MESSAGE_MAX = 1024;

  private ReportMain() {}

  /** Prints the table for the file named by {@code args[0]}. */
  public static void main(String[] args) throws IOException {
    if (args.length != 1) {
      System.err.println("usage: ReportMain RESULTS.tsv");
      System.exit(2);
    }
    print(Files.readAllLines(Path.of(args[0])), System.out);
  }

  /** Prints the table for the given result lines. */
  static void print(List<String> lines, PrintStream out) {
    Map<String, Map<String, Cell>> byCell = new LinkedHashMap<>();
    Set<String> servers = new LinkedHashSet<>();
    for (String line : lines) {
      if (line.isBlank()) continue;
      String[] f = line.split("\t");
      if (f.length < 4) throw new IllegalArgumentException("Not a result line: '" + line + "'.");
      servers.add(f[2]);
      Cell cell = byCell.computeIfAbsent(f[1], k -> new LinkedHashMap<>()).computeIfAbsent(f[2], k -> new Cell());
      if (f[3].equals("FAILED")) {
        cell.failures.add(f.length > 4 ? f[4] : "failed");
        continue;
      }
      Map<String, String> kv = new LinkedHashMap<>();
      for (int i = 3; i < f.length; i++) {
        int eq = f[i].indexOf('=');
        if (eq > 0) kv.put(f[i].substring(0, eq), f[i].substring(eq + 1));
      }
      cell.add(kv);
    }
    out.println("| cell | server | payload | passes | msgs/s (mean) | spread | vs netty | p50 us | p99 us | p99.9 us | MB/s | bytes/conn | errors |");
    out.println("|---|---|---|---|---|---|---|---|---|---|---|---|---|");
    for (Map.Entry<String, Map<String, Cell>> e : byCell.entrySet()) {
      Cell baseline = e.getValue().get(BASELINE);
      for (String server : servers) {
        Cell c = e.getValue().get(server);
        if (c == null) continue;
        out.println(row(e.getKey(), server, c, baseline));
      }
    }
    printGeneratedVsOurs(byCell, out);
  }

  /** The generated server's msgs/s over ours in each small-message cell both ran. */
  private static void printGeneratedVsOurs(Map<String, Map<String, Cell>> byCell, PrintStream out) {
    List<String> rows = new ArrayList<>();
    for (Map.Entry<String, Map<String, Cell>> e : byCell.entrySet()) {
      Cell ours = e.getValue().get(OURS);
      Cell generated = e.getValue().get(GENERATED);
      if (ours == null || generated == null || ours.count("msgs_per_s") == 0 || generated.count("msgs_per_s") == 0
          || generated.count("size") == 0 || generated.mean("size") > SMALL_MESSAGE_MAX) {
        continue;
      }
      double ratio = generated.mean("msgs_per_s") / ours.mean("msgs_per_s");
      rows.add(String.join(" | ",
          "| " + e.getKey(),
          generated.meanText("msgs_per_s", "%.0f"),
          ours.meanText("msgs_per_s", "%.0f"),
          fmt("%.2fx", ratio),
          ratio >= GENERATED_TARGET ? "met" : fmt("missed by %.2fx", GENERATED_TARGET - ratio),
          generated.meanText("p50_us", "%.1f") + " / " + ours.meanText("p50_us", "%.1f") + " |"));
    }
    if (rows.isEmpty()) return;
    out.println();
    out.println(fmt("Generated typed server (JSON) against our raw echo, small messages; target %.2fx:", GENERATED_TARGET));
    out.println();
    out.println("| cell | generated msgs/s | ours msgs/s | vs ours | target | p50 us generated / ours |");
    out.println("|---|---|---|---|---|---|");
    rows.forEach(out::println);
  }

  private static String row(String cellName, String server, Cell c, Cell baseline) {
    boolean memory = c.has("bytes_per_conn");
    String primary = memory ? "bytes_per_conn" : "msgs_per_s";
    String ratio = "—";
    if (baseline != null && baseline.count(primary) > 0 && c.count(primary) > 0) {
      double base = baseline.mean(primary);
      ratio = base == 0 ? "—" : fmt("%.2fx", c.mean(primary) / base);
    }
    String errors = c.count("errors") > 0 ? fmt("%.0f", c.sum("errors")) : "—";
    if (!c.failures.isEmpty()) errors = (errors.equals("—") ? "" : errors + "; ") + "FAILED: " + String.join("; ", c.failures);
    return String.join(
        " | ",
        "| " + cellName,
        server,
        c.payload(),
        Integer.toString(c.passes()),
        memory ? "—" : c.meanText("msgs_per_s", "%.0f"),
        c.spreadText(primary),
        ratio,
        c.meanText("p50_us", "%.1f"),
        c.meanText("p99_us", "%.1f"),
        c.meanText("p999_us", "%.1f"),
        c.meanText("mb_per_s", "%.2f"),
        c.meanText("bytes_per_conn", "%.0f"),
        errors + " |");
  }

  private static String fmt(String format, Object... args) {
    return String.format(Locale.ROOT, format, args);
  }

  /** The measurements of one server in one cell, one per pass. */
  static final class Cell {
    private final List<Map<String, String>> passes = new ArrayList<>();
    private final List<String> failures = new ArrayList<>();

    void add(Map<String, String> fields) {
      passes.add(fields);
    }

    int passes() {
      return passes.size();
    }

    /** What the messages held, as the load program reported it; "—" for the idle cell. */
    String payload() {
      Set<String> kinds = new LinkedHashSet<>();
      for (Map<String, String> p : passes) {
        if (p.containsKey("payload")) kinds.add(p.get("payload"));
        else if (p.containsKey("binary")) kinds.add(Boolean.parseBoolean(p.get("binary")) ? "binary" : "text");
      }
      return kinds.isEmpty() ? "—" : String.join(", ", kinds);
    }

    boolean has(String key) {
      return count(key) > 0;
    }

    int count(String key) {
      int n = 0;
      for (Map<String, String> p : passes) if (p.containsKey(key)) n++;
      return n;
    }

    double sum(String key) {
      double s = 0;
      for (Map<String, String> p : passes) if (p.containsKey(key)) s += Double.parseDouble(p.get(key));
      return s;
    }

    double mean(String key) {
      return sum(key) / count(key);
    }

    String meanText(String key, String format) {
      return count(key) == 0 ? "—" : fmt(format, mean(key));
    }

    /** (max - min) / mean across passes, as a percentage: how far to trust the mean. */
    String spreadText(String key) {
      if (count(key) < 2) return "—";
      double min = Double.MAX_VALUE;
      double max = -Double.MAX_VALUE;
      for (Map<String, String> p : passes) {
        if (!p.containsKey(key)) continue;
        double v = Double.parseDouble(p.get(key));
        min = Math.min(min, v);
        max = Math.max(max, v);
      }
      double mean = mean(key);
      return mean == 0 ? "—" : fmt("±%.0f%%", 50 * (max - min) / Math.abs(mean));
    }
  }
}
