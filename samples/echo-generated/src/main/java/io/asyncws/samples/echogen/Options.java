package io.asyncws.samples.echogen;

import io.asyncws.runtime.WebSocketConfig;
import java.util.List;

/**
 * The command-line options of {@code echo-generated.jar server}, the same as {@code echo.jar
 * server}'s (without TLS and deflate), so the benchmarks start both alike.
 *
 * @param host the address the server binds
 * @param port the port the server binds; -1 when not given
 * @param maxMessage the largest message accepted, in bytes
 */
record Options(String host, int port, long maxMessage) {
  /** 64 MiB, as {@code echo.jar}'s default. */
  static final long DEFAULT_MAX_MESSAGE = 64L << 20;

  /** Parses the options after the command; throws with a sentence for anything it cannot use. */
  static Options parse(List<String> args) {
    String host = "127.0.0.1";
    int port = -1;
    long maxMessage = DEFAULT_MAX_MESSAGE;
    for (int i = 0; i < args.size(); i++) {
      String arg = args.get(i);
      switch (arg) {
        case "--host" -> host = value(args, ++i, arg);
        case "--port" -> port = (int) number(value(args, ++i, arg), arg, 0, 65535);
        case "--max-message" -> maxMessage = number(value(args, ++i, arg), arg, 1, Long.MAX_VALUE);
        default -> throw new IllegalArgumentException(
            arg.startsWith("--") ? "unknown option " + arg : "the server takes no arguments: " + arg);
      }
    }
    if (port < 0) throw new IllegalArgumentException("the server needs --port");
    return new Options(host, port, maxMessage);
  }

  /** The runtime's defaults with {@code maxMessage} as the message limit and frames no larger. */
  WebSocketConfig config() {
    return WebSocketConfig.builder()
        .maxMessageSize(maxMessage)
        .maxFrameSize(Math.min(maxMessage, WebSocketConfig.DEFAULT_MAX_FRAME_SIZE))
        .build();
  }

  private static String value(List<String> args, int index, String option) {
    if (index >= args.size()) throw new IllegalArgumentException(option + " needs a value");
    return args.get(index);
  }

  private static long number(String text, String option, long min, long max) {
    long value;
    try {
      value = Long.parseLong(text);
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException(option + " takes a number, not '" + text + "'");
    }
    if (value < min || value > max) {
      throw new IllegalArgumentException(option + " must be between " + min + " and " + max);
    }
    return value;
  }
}
