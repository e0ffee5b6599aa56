package io.asyncws.samples.echo;

import io.asyncws.runtime.CloseEvent;
import io.asyncws.runtime.WebSocket;
import io.asyncws.runtime.WebSocketClient;
import java.io.IOException;
import java.io.PrintStream;
import java.net.URI;
import java.security.GeneralSecurityException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;

/**
 * Connects to a URL and echoes every message back until the server closes the connection. Exits
 * 0 when the server ended the connection, 1 with the reason when it could not be opened or this
 * side had to fail it.
 */
final class EchoClient {
  private EchoClient() {}

  static int run(Options options, PrintStream out, PrintStream err) {
    if (options.arguments().size() != 1) {
      err.println("echo: client needs exactly one URL");
      err.print(Echo.USAGE);
      return 2;
    }
    URI url;
    try {
      url = URI.create(options.arguments().get(0));
    } catch (IllegalArgumentException e) {
      err.println("echo: not a URL: " + options.arguments().get(0));
      return 2;
    }
    CompletableFuture<CloseEvent> closed = new CompletableFuture<>();
    WebSocketClient.Builder builder = WebSocketClient.builder()
        .config(Limits.forOptions(options).toBuilder().eventLoops(1).build());
    try {
      if (options.tls().trustStore() != null) builder.tls(options.tls().clientContext());
    } catch (IOException | GeneralSecurityException e) {
      err.println("echo: cannot load --tls-truststore " + options.tls().trustStore() + ": " + e.getMessage());
      return 1;
    }
    try (WebSocketClient client = builder.build()) {
      client.connect(url, new EchoListener() {
        @Override
        public void onError(WebSocket socket, Throwable error) {
          err.println("echo: " + error.getMessage());
        }

        @Override
        public void onClose(WebSocket socket, CloseEvent event) {
          closed.complete(event);
        }
      }).get();
      CloseEvent event = closed.get();
      out.println("closed: " + event.code() + " " + event.reason() + (event.wasClean() ? "" : " (not clean)"));
      return event.wasClean() || event.code() == 1006 ? 0 : 1;
    } catch (IllegalArgumentException e) {
      err.println("echo: " + e.getMessage());
      return 2;
    } catch (ExecutionException e) {
      err.println("echo: cannot connect to " + url + ": " + e.getCause().getMessage());
      return 1;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return 1;
    }
  }
}
