package io.asyncws.runtime.interop;

import io.asyncws.runtime.MessageEvent;
import io.asyncws.runtime.Upgrade;
import io.asyncws.runtime.WebSocket;
import io.asyncws.runtime.WebSocketConfig;
import io.asyncws.runtime.WebSocketListener;
import io.asyncws.runtime.WebSocketServer;
import java.net.URI;
import javax.net.ssl.SSLContext;

/** Our own server echoing every message with its type, limits sized for the 16 MiB plans. */
final class AsyncwsEchoServer implements AutoCloseable {
  private final WebSocketServer server;
  private final String scheme;

  private AsyncwsEchoServer(WebSocketServer server, String scheme) {
    this.server = server;
    this.scheme = scheme;
  }

  static AsyncwsEchoServer start(int fragmentSize) {
    return new AsyncwsEchoServer(builder(fragmentSize).start(), "ws");
  }

  /** The same server speaking {@code wss://} with {@code tls}. */
  static AsyncwsEchoServer startTls(int fragmentSize, SSLContext tls) {
    return new AsyncwsEchoServer(builder(fragmentSize).tls(tls).start(), "wss");
  }

  private static WebSocketServer.Builder builder(int fragmentSize) {
    WebSocketConfig config =
        WebSocketConfig.builder().eventLoops(2).fragmentSize(fragmentSize).build();
    return WebSocketServer.builder()
        .config(config)
        .handler(request -> Upgrade.accept(new Echo()));
  }

  URI uri() {
    return URI.create(scheme + "://127.0.0.1:" + server.port() + "/echo");
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
