package io.asyncws.benchmarks.load;

import java.util.List;
import java.util.Locale;

/**
 * What {@link LoadMain} was asked to do.
 *
 * @param mode {@code echo} or {@code connections}
 * @param host the server's address
 * @param port the server's port
 * @param path the request target of the upgrade
 * @param connections how many connections to open
 * @param size payload bytes per message (echo)
 * @param payload what the messages hold (echo)
 * @param window messages in flight per connection (echo)
 * @param warmupSeconds time before measuring starts (echo)
 * @param durationSeconds time measured (echo)
 * @param serverPid the server's process, whose memory is read (connections); -1 for none
 */
record LoadOptions(
    String mode,
    String host,
    int port,
    String path,
    int connections,
    int size,
    Payload payload,
    int window,
    double warmupSeconds,
    double durationSeconds,
    long serverPid) {

  /** What the echo messages hold. */
  enum Payload {
    /** Random printable ASCII, as text messages. */
    TEXT,
    /** Random bytes, as binary messages. */
    BINARY,
    /** JSON messages of the echo contract, as text messages (see {@link JsonPayload}). */
    JSON;

    /** The option's spelling: {@code text}, {@code binary}, {@code json}. */
    String label() {
      return name().toLowerCase(Locale.ROOT);
    }
  }

  static final String USAGE =
      """
      usage: LoadMain echo --port P [--host H] [--path /] [--connections N] [--size BYTES]
                           [--payload text|binary|json] [--binary] [--window W]
                           [--warmup SECONDS] [--duration SECONDS]
             LoadMain connections --port P --server-pid PID [--host H] [--path /]
                           [--connections N]
      --binary is --payload binary; when options repeat, the last one counts.
      """;

  /** Parses {@code mode} followed by {@code --name value} options; throws on anything unknown. */
  static LoadOptions parse(List<String> args) {
    if (args.isEmpty()) throw new IllegalArgumentException("Name a mode: echo or connections.");
    String mode = args.get(0);
    if (!mode.equals("echo") && !mode.equals("connections")) {
      throw new IllegalArgumentException("Unknown mode '" + mode + "': use echo or connections.");
    }
    String host = "127.0.0.1";
    int port = -1;
    String path = "/";
    int connections = 1;
    int size = 32;
    Payload payload = Payload.TEXT;
    int window = 1;
    double warmup = 2;
    double duration = 5;
    long pid = -1;
    for (int i = 1; i < args.size(); i++) {
      String name = args.get(i);
      if (name.equals("--binary")) {
        payload = Payload.BINARY;
        continue;
      }
      if (i + 1 >= args.size()) throw new IllegalArgumentException(name + " needs a value.");
      String value = args.get(++i);
      switch (name) {
        case "--host" -> host = value;
        case "--port" -> port = positive(name, value);
        case "--path" -> path = value;
        case "--connections" -> connections = positive(name, value);
        case "--size" -> size = positive(name, value);
        case "--payload" -> payload = payload(value);
        case "--window" -> window = positive(name, value);
        case "--warmup" -> warmup = seconds(name, value);
        case "--duration" -> duration = seconds(name, value);
        case "--server-pid" -> pid = positive(name, value);
        default -> throw new IllegalArgumentException("Unknown option " + name + ".");
      }
    }
    if (port < 0) throw new IllegalArgumentException("--port is required.");
    if (mode.equals("connections") && pid < 0) {
      throw new IllegalArgumentException("connections mode needs --server-pid to read its memory.");
    }
    if (mode.equals("echo") && payload == Payload.JSON && size < JsonPayload.MIN_SIZE) {
      throw new IllegalArgumentException(
          "--payload json needs --size of at least " + JsonPayload.MIN_SIZE + " bytes, the smallest JSON message.");
    }
    return new LoadOptions(
        mode, host, port, path, connections, size, payload, window, warmup, duration, pid);
  }

  /** Whether the messages are binary frames rather than text. */
  boolean binary() {
    return payload == Payload.BINARY;
  }

  private static Payload payload(String value) {
    for (Payload p : Payload.values()) if (p.label().equals(value)) return p;
    throw new IllegalArgumentException("--payload takes text, binary or json, not '" + value + "'.");
  }

  private static int positive(String name, String value) {
    try {
      int n = Integer.parseInt(value);
      if (n > 0) return n;
    } catch (NumberFormatException e) {
      // reported below, with the option's name
    }
    throw new IllegalArgumentException(name + " takes a positive whole number, not '" + value + "'.");
  }

  private static double seconds(String name, String value) {
    try {
      double s = Double.parseDouble(value);
      if (s >= 0 && s < 86_400) return s;
    } catch (NumberFormatException e) {
      // reported below, with the option's name
    }
    throw new IllegalArgumentException(name + " takes seconds between 0 and a day, not '" + value + "'.");
  }
}
