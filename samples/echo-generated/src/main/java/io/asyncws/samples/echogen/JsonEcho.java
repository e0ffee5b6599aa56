package io.asyncws.samples.echogen;

import io.asyncws.samples.echogen.api.EchoServer;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.util.List;
import java.util.concurrent.CountDownLatch;

/**
 * {@code echo-generated.jar}: the echo server generated from {@code echo.yaml}, running {@link
 * EchoBack}, until the process is told to stop (SIGTERM, Ctrl-C).
 *
 * <pre>
 * java -jar echo-generated.jar server --port P [--host H] [--max-message BYTES]
 * </pre>
 */
public final class JsonEcho {
  static final String USAGE =
      """
      usage: echo-generated.jar server --port P [--host H] [--max-message BYTES]
      Echoes every JSON message {"seq": <int64>, "data": "<text>"} sent to ws://H:P/.
      """;

  private JsonEcho() {}

  /**
   * Runs the command and exits with its status.
   *
   * @param args {@code server --port P [--host H] [--max-message BYTES]}
   */
  public static void main(String[] args) {
    System.exit(run(List.of(args), System.out, System.err));
  }

  /** Runs the command; returns the exit status: 0 stopped, 1 could not start, 2 bad usage. */
  static int run(List<String> args, PrintStream out, PrintStream err) {
    if (args.isEmpty() || !args.get(0).equals("server")) {
      if (!args.isEmpty()) err.println("echo-generated: unknown command '" + args.get(0) + "'; [server]");
      err.print(USAGE);
      return 2;
    }
    Options options;
    try {
      options = Options.parse(args.subList(1, args.size()));
    } catch (IllegalArgumentException e) {
      err.println("echo-generated: " + e.getMessage());
      err.print(USAGE);
      return 2;
    }
    EchoServer server;
    try {
      server = EchoServer.start(new InetSocketAddress(options.host(), options.port()), options.config(), new EchoBack());
    } catch (UncheckedIOException e) {
      err.println("echo-generated: " + e.getMessage() + ": " + e.getCause().getMessage());
      return 1;
    }
    CountDownLatch stopped = new CountDownLatch(1);
    Runtime.getRuntime()
        .addShutdownHook(
            new Thread(
                () -> {
                  server.close();
                  stopped.countDown();
                },
                "echo-generated-shutdown"));
    out.println("generated echo server listening on ws://" + options.host() + ":" + server.port() + "/");
    out.flush();
    try {
      stopped.await();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    return 0;
  }
}
