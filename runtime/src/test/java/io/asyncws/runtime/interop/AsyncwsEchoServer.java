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

/** Our own server echoing every message with its type, limits sized for the 16 MiB plans. */
final class AsyncwsEchoServer implements AutoCloseable {
  private final WebSocketServer server;
  /** The Sec-WebSocket-Extensions each connection agreed, in the order they opened. */
  private final List<String> extensions = new CopyOnWriteArrayList<>();

  private AsyncwsEchoServer(WebSocketConfig config) {
    this.server =
        WebSocketServer.builder()
            .config(config)
            .handler(request -> Upgrade.accept(new Echo(extensions)))
            .start();
  }

  static AsyncwsEchoServer start(int fragmentSize) {
    return new AsyncwsEchoServer(
        WebSocketConfig.builder().eventLoops(2).fragmentSize(fragmentSize).build());
  }

  /** A server that accepts permessage-deflate and compresses every message, however short. */
  static AsyncwsEchoServer startDeflate(int fragmentSize) {
    return new AsyncwsEchoServer(
        WebSocketConfig.builder()
            .eventLoops(2)
            .fragmentSize(fragmentSize)
            .perMessageDeflate(true)
            .compressionThreshold(0)
            .build());
  }

  /** The extensions agreed by each connection so far. */
  List<String> extensions() {
    return List.copyOf(extensions);
  }

  URI uri() {
    return URI.create("ws://127.0.0.1:" + server.port() + "/echo");
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
