package io.asyncws.samples.echo;

import java.util.ArrayList;
import java.util.List;

/**
 * The command-line options of {@code echo.jar}.
 *
 * @param host the address the server binds
 * @param port the port the server binds; -1 when not given
 * @param maxMessage the largest message accepted, in bytes
 * @param deflate whether permessage-deflate is offered (client) or accepted (server)
 * @param arguments what is left: the client's URL
 * @param tls the TLS key and trust stores
 */
record Options(
    String host, int port, long maxMessage, boolean deflate, List<String> arguments, TlsFiles tls) {
  /** 64 MiB, as the sample's contract says. */
  static final long DEFAULT_MAX_MESSAGE = 64L << 20;

  static Options parse(List<String> args) {
    String host = "127.0.0.1";
    int port = -1;
    long maxMessage = DEFAULT_MAX_MESSAGE;
    boolean deflate = false;
    List<String> rest = new ArrayList<>();
    TlsFiles tls = TlsFiles.NONE;
    for (int i = 0; i < args.size(); i++) {
      String arg = args.get(i);
      switch (arg) {
        case "--host" -> host = value(args, ++i, arg);
        case "--port" -> port = (int) number(value(args, ++i, arg), arg, 0, 65535);
        case "--deflate" -> deflate = true;
        case "--max-message" -> maxMessage = number(value(args, ++i, arg), arg, 1, Long.MAX_VALUE);
        case "--tls-keystore" -> tls = tls.withKeyStore(value(args, ++i, arg));
        case "--tls-truststore" -> tls = tls.withTrustStore(value(args, ++i, arg));
        case "--tls-password" -> tls = tls.withPassword(value(args, ++i, arg));
        default -> {
          if (arg.startsWith("--")) throw new IllegalArgumentException("unknown option " + arg);
          rest.add(arg);
        }
      }
    }
    return new Options(host, port, maxMessage, deflate, List.copyOf(rest), tls);
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
