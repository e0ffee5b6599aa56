package io.asyncws.runtime.interop;

import io.asyncws.runtime.MessageEvent;
import io.asyncws.runtime.Upgrade;
import io.asyncws.runtime.WebSocket;
import io.asyncws.runtime.WebSocketConfig;
import io.asyncws.runtime.WebSocketListener;
import io.asyncws.runtime.WebSocketServer;
import java.net.URI;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import javax.net.ssl.SSLContext;

/** Our own server echoing every message with its type, limits sized for the 16 MiB plans. */
final class AsyncwsEchoServer implements AutoCloseable {
  private final WebSocketServer server;
  private final String scheme;
  /** The Sec-WebSocket-Extensions each connection agreed, in the order they opened. */
  private final List<String> extensions = new CopyOnWriteArrayList<>();

  private AsyncwsEchoServer(int fragmentSize, boolean deflate, SSLContext tls) {
    WebSocketConfig config =
        WebSocketConfig.builder()
            .eventLoops(2)
            .fragmentSize(fragmentSize)
            .perMessageDeflate(deflate)
            .compressionThreshold(0)
            .build();
    WebSocketServer.Builder builder =
        WebSocketServer.builder()
            .config(config)
            .handler(request -> Upgrade.accept(new Echo(extensions)));
    if (tls != null) builder.tls(tls);
    this.server = builder.start();
    this.scheme = tls == null ? "ws" : "wss";
  }

  static AsyncwsEchoServer start(int fragmentSize) {
    return new AsyncwsEchoServer(fragmentSize, false, null);
  }

  /** A server that accepts permessage-deflate and compresses every message, however short. */
  static AsyncwsEchoServer startDeflate(int fragmentSize) {
    return new AsyncwsEchoServer(fragmentSize, true, null);
  }

  /** The extensions agreed by each connection so far. */
  List<String> extensions() {
    return List.copyOf(extensions);
  }

  /** The same server speaking {@code wss://} with {@code tls}. */
  static AsyncwsEchoServer startTls(int fragmentSize, SSLContext tls) {
    return new AsyncwsEchoServer(fragmentSize, false, tls);
  }

  URI uri() {
    return URI.create(scheme + "://127.0.0.1:" + server.port() + "/echo");
  }

  @Override
  public void close() {
    server.close();
  }

  private static final class Echo implements WebSocketListener {
    private final List<String> extensions;

    Echo(List<String> extensions) {
      this.extensions = extensions;
    }

    @Override
    public void onOpen(WebSocket socket) {
      extensions.add(socket.extensions());
    }

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
