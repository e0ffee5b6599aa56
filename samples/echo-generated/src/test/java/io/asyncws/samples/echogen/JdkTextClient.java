package io.asyncws.samples.echogen;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.nio.ByteBuffer;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * The JDK's own WebSocket client, as a peer that shares no code with the server: collects whole
 * text messages (the JDK may hand a message over in parts) in arrival order.
 */
final class JdkTextClient implements AutoCloseable {
  private static final long WAIT_SECONDS = 5;

  private final WebSocket socket;
  private final LinkedBlockingQueue<String> received = new LinkedBlockingQueue<>();

  private JdkTextClient(URI uri) throws Exception {
    socket =
        HttpClient.newHttpClient()
            .newWebSocketBuilder()
            .buildAsync(uri, new Collector())
            .get(10, TimeUnit.SECONDS);
  }

  /** Connects to {@code ws://127.0.0.1:port/}. */
  static JdkTextClient connect(int port) throws Exception {
    return new JdkTextClient(URI.create("ws://127.0.0.1:" + port + "/"));
  }

  /** Sends one text message and waits until the JDK has written it. */
  void sendText(String text) throws Exception {
    socket.sendText(text, true).get(WAIT_SECONDS, TimeUnit.SECONDS);
  }

  /** Sends one binary message and waits until the JDK has written it. */
  void sendBinary(byte[] bytes) throws Exception {
    socket.sendBinary(ByteBuffer.wrap(bytes), true).get(WAIT_SECONDS, TimeUnit.SECONDS);
  }

  /** The next text message received, or null when none came within 5 s. */
  String next() throws InterruptedException {
    return received.poll(WAIT_SECONDS, TimeUnit.SECONDS);
  }

  /** The next text message received within {@code millis}, or null. */
  String next(long millis) throws InterruptedException {
    return received.poll(millis, TimeUnit.MILLISECONDS);
  }

  /** Sends a Close with 1000 (waiting at most 5 s for the JDK to write it), then drops the connection. */
  @Override
  public void close() {
    socket.sendClose(WebSocket.NORMAL_CLOSURE, "done")
        .completeOnTimeout(socket, WAIT_SECONDS, TimeUnit.SECONDS)
        .handle((sent, failure) -> sent) // already closed by the server: nothing to send
        .join();
    socket.abort();
  }

  /** Joins the parts of each text message. */
  private final class Collector implements WebSocket.Listener {
    private final StringBuilder message = new StringBuilder();

    @Override
    public CompletionStage<?> onText(WebSocket ws, CharSequence data, boolean last) {
      message.append(data);
      if (last) {
        received.add(message.toString());
        message.setLength(0);
      }
      ws.request(1);
      return null;
    }
  }
}
