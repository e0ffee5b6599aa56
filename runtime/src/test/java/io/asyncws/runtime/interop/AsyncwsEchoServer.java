package io.asyncws.runtime.interop;

import io.asyncws.runtime.MessageEvent;
import io.asyncws.runtime.Upgrade;
import io.asyncws.runtime.WebSocket;
import io.asyncws.runtime.WebSocketConfig;
import io.asyncws.runtime.WebSocketListener;
import io.asyncws.runtime.WebSocketServer;
import java.net.URI;

/** Our own server echoing every message with its type, limits sized for the 16 MiB plans. */
final class AsyncwsEchoServer implements AutoCloseable {
  private final WebSocketServer server;

  private AsyncwsEchoServer(WebSocketServer server) {
    this.server = server;
  }

  static AsyncwsEchoServer start(int fragmentSize) {
    WebSocketConfig config =
        WebSocketConfig.builder().eventLoops(2).fragmentSize(fragmentSize).build();
    return new AsyncwsEchoServer(
        WebSocketServer.builder()
            .config(config)
            .handler(request -> Upgrade.accept(new Echo()))
            .start());
  }

  URI uri() {
    return URI.create("ws://127.0.0.1:" + server.port() + "/echo");
  }

  @Override
  public void close() {
    server.close();
  }

  private static final class Echo implements WebSocketListener {
    @Override
    public void onMessage(WebSocket socket, MessageEvent event) {
      if (event.isText()) {
        socket.send(event.text());
      } else {
        socket.send(event.binary());
      }
    }
  }
}
