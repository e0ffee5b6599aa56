package io.asyncws.samples.chat;

import io.asyncws.runtime.WebSocketConfig;
import io.asyncws.samples.chat.api.ChatRoomsServer;
import java.net.InetSocketAddress;
import java.util.concurrent.CountDownLatch;

/**
 * The chat sample's server: the generated {@link ChatRoomsServer} running {@link ChatRooms}, and
 * the browser page beside it.
 *
 * <pre>
 * java -jar samples/chat/target/chat.jar --port 8080
 * </pre>
 *
 * <p>The page is on {@code --port}, the WebSocket API on {@code --ws-port} (default: the next
 * port); {@code --host} chooses the interface (default 127.0.0.1: the sample is not meant to face
 * a network). Port 0 picks free ports, which the tests use.
 */
public final class ChatServer implements AutoCloseable {
  /** 8080: the port the contract's server {@code local} names by default. */
  static final int DEFAULT_PORT = 8080;

  private final ChatRoomsServer webSockets;
  private final PageServer page;

  private ChatServer(ChatRoomsServer webSockets, PageServer page) {
    this.webSockets = webSockets;
    this.page = page;
  }

  /**
   * Starts the WebSocket server and the page server.
   *
   * @param host the interface to bind, e.g. 127.0.0.1
   * @param pagePort the page's port; 0 for a free one
   * @param webSocketPort the WebSocket server's port; 0 for a free one
   * @return both servers running; close to stop them
   */
  public static ChatServer start(String host, int pagePort, int webSocketPort) {
    ChatRoomsServer webSockets = ChatRoomsServer.start(
        new InetSocketAddress(host, webSocketPort), WebSocketConfig.defaults(), new ChatRooms());
    try {
      return new ChatServer(webSockets,
          PageServer.start(new InetSocketAddress(host, pagePort), webSockets.port()));
    } catch (RuntimeException e) {
      webSockets.close();
      throw e;
    }
  }

  /** The port of the browser page. */
  public int pagePort() {
    return page.port();
  }

  /** The port of the WebSocket API, {@code ws://host:port/rooms/{roomId}}. */
  public int webSocketPort() {
    return webSockets.port();
  }

  /** Stops the page, then closes every chat connection with 1001 "going away". */
  @Override
  public void close() {
    page.close();
    webSockets.close();
  }

  /**
   * Runs the chat until the process is stopped.
   *
   * @param args {@code [--host H] [--port P] [--ws-port W]}
   * @throws InterruptedException when the main thread is interrupted while serving
   */
  public static void main(String[] args) throws InterruptedException {
    String host = "127.0.0.1";
    int port = DEFAULT_PORT;
    Integer webSocketPort = null;
    for (int i = 0; i < args.length; i++) {
      String value = i + 1 < args.length ? args[i + 1] : null;
      switch (args[i]) {
        case "--host" -> host = required(args[i], value);
        case "--port" -> port = Integer.parseInt(required(args[i], value));
        case "--ws-port" -> webSocketPort = Integer.parseInt(required(args[i], value));
        default -> {
          System.err.println("Unknown option " + args[i]
              + ". Usage: chat [--host 127.0.0.1] [--port 8080] [--ws-port PORT+1]");
          System.exit(2);
        }
      }
      i++;
    }
    int wsPort = webSocketPort != null ? webSocketPort : port == 0 ? 0 : port + 1;
    ChatServer chat = start(host, port, wsPort);
    CountDownLatch stopped = new CountDownLatch(1);
    Runtime.getRuntime().addShutdownHook(new Thread(() -> {
      chat.close();
      stopped.countDown();
    }, "chat-shutdown"));
    System.out.println("Chat WebSocket API on ws://" + host + ":" + chat.webSocketPort() + "/rooms/{roomId}");
    System.out.println("Open http://" + host + ":" + chat.pagePort() + "/ in two browser windows"
        + " (Ctrl-C stops the server).");
    stopped.await();
  }

  private static String required(String option, String value) {
    if (value == null) {
      System.err.println("Option " + option + " needs a value.");
      System.exit(2);
    }
    return value;
  }
}
