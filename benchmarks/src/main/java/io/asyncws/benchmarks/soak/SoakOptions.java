package io.asyncws.benchmarks.soak;

import java.util.List;

/**
 * What {@link SoakMain} was asked to do.
 *
 * @param host the server's address
 * @param port the server's port
 * @param path the request target of every upgrade
 * @param idle connections that only answer the server's Pings
 * @param active connections that echo continuously at a steady rate
 * @param seconds how long the traffic runs, after every connection is open
 * @param sampleSeconds how often the server and the client counters are sampled
 * @param serverPid the server's process, whose memory, threads and descriptors are read
 */
record SoakOptions(
    String host, int port, String path, int idle, int active, double seconds, double sampleSeconds,
    long serverPid) {

  static final String USAGE =
      """
      usage: SoakMain --port P --server-pid PID [--host H] [--path /] [--idle N] [--active K]
                      [--minutes M] [--sample-seconds S]
      """;

  /**
   * The verdict compares the first and the last tenth of the run after a tenth of warm-up, so a
   * run needs at least this many samples for each tenth to hold one.
   */
  static final int MIN_SAMPLES = 10;

  /** Parses {@code --name value} options; throws with a sentence on anything wrong. */
  static SoakOptions parse(List<String> args) {
    String host = "127.0.0.1";
    int port = -1;
    String path = "/";
    int idle = 10_000;
    int active = 100;
    double minutes = 10;
    double sampleSeconds = 10;
    long pid = -1;
    for (int i = 0; i < args.size(); i++) {
      String name = args.get(i);
      if (i + 1 >= args.size()) throw new IllegalArgumentException(name + " needs a value.");
      String value = args.get(++i);
      switch (name) {
        case "--host" -> host = value;
        case "--port" -> port = (int) whole(name, value, 1, 65_535);
        case "--path" -> path = value;
        case "--idle" -> idle = (int) whole(name, value, 0, 1_000_000);
        case "--active" -> active = (int) whole(name, value, 0, 100_000);
        case "--minutes" -> minutes = positive(name, value);
        case "--sample-seconds" -> sampleSeconds = positive(name, value);
        case "--server-pid" -> pid = whole(name, value, 1, Long.MAX_VALUE);
        default -> throw new IllegalArgumentException("Unknown option " + name + ".");
      }
    }
    if (port < 0) throw new IllegalArgumentException("--port is required.");
    if (pid < 0) throw new IllegalArgumentException("--server-pid is required: the soak samples that process.");
    if (idle + active == 0) throw new IllegalArgumentException("--idle and --active are both 0: nothing to soak.");
    double seconds = minutes * 60;
    if (seconds < MIN_SAMPLES * sampleSeconds) {
      throw new IllegalArgumentException(
          "--minutes " + minutes + " gives fewer than " + MIN_SAMPLES + " samples of "
              + sampleSeconds + " s: run longer or sample more often.");
    }
    return new SoakOptions(host, port, path, idle, active, seconds, sampleSeconds, pid);
  }

  private static long whole(String name, String value, long min, long max) {
    try {
      long n = Long.parseLong(value);
      if (n >= min && n <= max) return n;
    } catch (NumberFormatException e) {
      // reported below, with the option's name
    }
    throw new IllegalArgumentException(
        name + " takes a whole number from " + min + " to " + max + ", not '" + value + "'.");
  }

  private static double positive(String name, String value) {
    try {
      double d = Double.parseDouble(value);
      if (d > 0 && d <= 7 * 24 * 60) return d;
    } catch (NumberFormatException e) {
      // reported below, with the option's name
    }
    throw new IllegalArgumentException(name + " takes a positive number up to a week, not '" + value + "'.");
  }
}
