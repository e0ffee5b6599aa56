package io.asyncws.samples.echo;

import java.io.PrintStream;
import java.util.Arrays;
import java.util.List;

/**
 * {@code echo.jar}: an echo server or an echo client on the asyncws runtime.
 *
 * <pre>
 * java -jar echo.jar server --port P [--host H] [--max-message BYTES] [--deflate]
 *                          [--tls-keystore FILE.p12 --tls-password PW]
 * java -jar echo.jar client [--max-message BYTES] [--deflate]
 *                          [--tls-truststore FILE.p12 --tls-password PW] URL
 * </pre>
 */
public final class Echo {
  static final String USAGE =
      """
      usage: echo.jar server --port P [--host H] [--max-message BYTES] [--deflate]
                             [--tls-keystore FILE.p12 --tls-password PW]
             echo.jar client [--max-message BYTES] [--deflate]
                             [--tls-truststore FILE.p12 --tls-password PW] URL
      --deflate: permessage-deflate (RFC 7692); the server accepts it, the client offers it
      """;

  private Echo() {}

  public static void main(String[] args) {
    System.exit(run(List.of(args), System.out, System.err));
  }

  /** Runs the command; returns the exit status: 0 done, 1 failed, 2 bad usage. */
  static int run(List<String> args, PrintStream out, PrintStream err) {
    if (args.isEmpty()) {
      err.print(USAGE);
      return 2;
    }
    Options options;
    try {
      options = Options.parse(args.subList(1, args.size()));
    } catch (IllegalArgumentException e) {
      err.println("echo: " + e.getMessage());
      err.print(USAGE);
      return 2;
    }
    return switch (args.get(0)) {
      case "server" -> EchoServer.run(options, out, err);
      case "client" -> EchoClient.run(options, out, err);
      default -> {
        err.println("echo: unknown command '" + args.get(0) + "'; " + Arrays.asList("server", "client"));
        err.print(USAGE);
        yield 2;
      }
    };
  }
}
