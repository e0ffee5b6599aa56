package io.asyncws.samples.echo;

import io.asyncws.runtime.Upgrade;
import io.asyncws.runtime.WebSocketServer;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.security.GeneralSecurityException;
import java.util.concurrent.CountDownLatch;

/** Echoes every message on any path until the process is told to stop (SIGTERM, Ctrl-C). */
final class EchoServer {
  private EchoServer() {}

  static int run(Options options, PrintStream out, PrintStream err) {
    if (options.port() < 0) {
      err.println("echo: server needs --port");
      err.print(Echo.USAGE);
      return 2;
    }
    if (!options.arguments().isEmpty()) {
      err.println("echo: server takes no arguments: " + options.arguments());
      return 2;
    }
    WebSocketServer server;
    try {
      WebSocketServer.Builder builder =
          WebSocketServer.builder()
              .bind(new InetSocketAddress(options.host(), options.port()))
              .config(Limits.forOptions(options))
              .handler(request -> Upgrade.accept(new EchoListener()));
      if (options.tls().keyStore() != null) builder.tls(options.tls().serverContext());
      server = builder.start();
    } catch (UncheckedIOException e) {
      err.println("echo: " + e.getMessage() + ": " + e.getCause().getMessage());
      return 1;
    } catch (IOException | GeneralSecurityException e) {
      err.println("echo: cannot load --tls-keystore " + options.tls().keyStore() + ": " + e.getMessage());
      return 1;
    }
    String scheme = options.tls().keyStore() != null ? "wss" : "ws";
    CountDownLatch stopped = new CountDownLatch(1);
    Runtime.getRuntime()
        .addShutdownHook(
            new Thread(
                () -> {
                  server.close();
                  stopped.countDown();
                },
                "echo-shutdown"));
    out.println("echo server listening on " + scheme + "://" + options.host() + ":" + server.port() + "/");
    out.flush();
    try {
      stopped.await();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    return 0;
  }
}
