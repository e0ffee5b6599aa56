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
 * cell and server, the mean over passes, the spread across passes, and the ratio against Netty.
 *
 * <p>Input: one line per measurement, tab-separated: pass, cell, server, then the {@code key=value}
 * fields of the load program's {@code RESULT} line; or {@code pass cell server FAILED reason}.
 *
 * <pre>java -cp benchmarks.jar io.asyncws.benchmarks.report.ReportMain results.tsv</pre>
 */
public final class ReportMain {
  /** Every ratio is against this server. */
  static final String BASELINE = "netty";

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
    out.println("| cell | server | passes | msgs/s (mean) | spread | vs netty | p50 us | p99 us | p99.9 us | MB/s | bytes/conn | errors |");
    out.println("|---|---|---|---|---|---|---|---|---|---|---|---|");
    for (Map.Entry<String, Map<String, Cell>> e : byCell.entrySet()) {
      Cell baseline = e.getValue().get(BASELINE);
      for (String server : servers) {
        Cell c = e.getValue().get(server);
        if (c == null) continue;
        out.println(row(e.getKey(), server, c, baseline));
      }
    }
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
