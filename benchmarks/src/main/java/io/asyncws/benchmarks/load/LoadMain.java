package io.asyncws.benchmarks.load;

import java.io.IOException;
import java.io.PrintStream;
import java.util.List;
import java.util.Locale;

/**
 * The load program: drives any WebSocket echo server with a plain NIO client written for the
 * benchmark, so that every server, ours included, is measured by the same code.
 *
 * <pre>
 * java -cp benchmarks.jar io.asyncws.benchmarks.load.LoadMain echo --port P --connections 100 \
 *     --size 32 --window 16 --warmup 2 --duration 5 [--payload text|binary|json]
 * java -cp benchmarks.jar io.asyncws.benchmarks.load.LoadMain connections --port P \
 *     --connections 10000 --server-pid PID
 * </pre>
 *
 * <p>Prints a readable summary, then one {@code RESULT key=value ...} line for scripts. Exits 0
 * when every echo was verified (or every idle connection stayed up), 1 on any error, 2 on bad
 * usage.
 */
public final class LoadMain {
  private LoadMain() {}

  /** Runs the program; see the class comment. */
  public static void main(String[] args) {
    System.exit(run(List.of(args), System.out, System.err));
  }

  static int run(List<String> args, PrintStream out, PrintStream err) {
    LoadOptions options;
    try {
      options = LoadOptions.parse(args);
    } catch (IllegalArgumentException e) {
      err.println("load: " + e.getMessage());
      err.print(LoadOptions.USAGE);
      return 2;
    }
    try {
      return options.mode().equals("echo") ? echo(options, out, err) : idle(options, out, err);
    } catch (IOException e) {
      err.println("load: " + e.getMessage());
      return 1;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      err.println("load: interrupted");
      return 1;
    }
  }

  private static int echo(LoadOptions o, PrintStream out, PrintStream err) throws IOException {
    EchoResult r = EchoLoad.run(o);
    r.failures().forEach(f -> err.println("load: " + f));
    out.printf(
        Locale.ROOT,
        "echo: %d connections, %d B %s, window %d: %.0f msgs/s, %.2f MB/s, p50 %.1f us, p99 %.1f us,"
            + " p99.9 %.1f us, %d errors%n",
        o.connections(), o.size(), o.payload().label(), o.window(), r.messagesPerSecond(),
        r.megabytesPerSecond(), r.p50Micros(), r.p99Micros(), r.p999Micros(), r.errors());
    out.printf(
        Locale.ROOT,
        "RESULT mode=echo conns=%d size=%d payload=%s binary=%b window=%d msgs=%d seconds=%.3f msgs_per_s=%.1f"
            + " mb_per_s=%.3f p50_us=%.1f p99_us=%.1f p999_us=%.1f errors=%d%n",
        o.connections(), o.size(), o.payload().label(), o.binary(), o.window(), r.messages(), r.seconds(),
        r.messagesPerSecond(), r.megabytesPerSecond(), r.p50Micros(), r.p99Micros(), r.p999Micros(),
        r.errors());
    return r.errors() == 0 && r.messages() > 0 ? 0 : 1;
  }

  private static int idle(LoadOptions o, PrintStream out, PrintStream err)
      throws IOException, InterruptedException {
    IdleConnections.Result r = IdleConnections.run(o);
    r.failures().forEach(f -> err.println("load: " + f));
    long errors = r.errors(o.connections());
    out.printf(
        Locale.ROOT,
        "connections: %d of %d open, %d answered a Ping; server RSS %d KiB -> %d KiB: %d bytes per"
            + " connection, %d errors%n",
        r.opened(), o.connections(), r.alive(), r.rssBefore() >> 10, r.rssAfter() >> 10,
        r.bytesPerConnection(), errors);
    out.printf(
        Locale.ROOT,
        "RESULT mode=connections conns=%d opened=%d alive=%d rss_before_kb=%d rss_after_kb=%d"
            + " bytes_per_conn=%d errors=%d%n",
        o.connections(), r.opened(), r.alive(), r.rssBefore() >> 10, r.rssAfter() >> 10,
        r.bytesPerConnection(), errors);
    return errors == 0 ? 0 : 1;
  }
}
