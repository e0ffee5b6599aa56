import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * Talks to the echo server with the JDK's own WebSocket client, an implementation independent of
 * asyncws, and prints what comes back. Run as a single-file program: {@code java EchoDemo.java URL}.
 */
public class EchoDemo {
  public static void main(String[] args) throws Exception {
    URI url = URI.create(args.length > 0 ? args[0] : "ws://127.0.0.1:8080/");
    LinkedBlockingQueue<String> echoes = new LinkedBlockingQueue<>();
    StringBuilder text = new StringBuilder();
    WebSocket socket =
        HttpClient.newHttpClient()
            .newWebSocketBuilder()
            .buildAsync(
                url,
                new WebSocket.Listener() {
                  @Override
                  public CompletionStage<?> onText(WebSocket ws, CharSequence data, boolean last) {
                    text.append(data);
                    if (last) {
                      echoes.add("text   \"" + text + "\"");
                      text.setLength(0);
                    }
                    ws.request(1);
                    return null;
                  }

                  @Override
                  public CompletionStage<?> onBinary(WebSocket ws, ByteBuffer data, boolean last) {
                    echoes.add("binary " + data.remaining() + " bytes");
                    ws.request(1);
                    return null;
                  }
                })
            .get(10, TimeUnit.SECONDS);
    System.out.println("connected to " + url + " with java.net.http.WebSocket");
    String[] messages = {"Hello, asyncws!", "Grüße, ça marche — 你好 🌍"};
    for (String message : messages) {
      socket.sendText(message, true).get(10, TimeUnit.SECONDS);
      System.out.println("sent   text   \"" + message + "\"");
      System.out.println("echo   " + echoes.poll(10, TimeUnit.SECONDS));
    }
    byte[] bytes = "binary payload".repeat(1000).getBytes(StandardCharsets.UTF_8);
    socket.sendBinary(ByteBuffer.wrap(bytes), true).get(10, TimeUnit.SECONDS);
    System.out.println("sent   binary " + bytes.length + " bytes");
    System.out.println("echo   " + echoes.poll(10, TimeUnit.SECONDS));
    CompletableFuture<WebSocket> closed = socket.sendClose(WebSocket.NORMAL_CLOSURE, "done");
    closed.get(10, TimeUnit.SECONDS);
    System.out.println("closed with 1000 \"done\"");
    System.exit(0);
  }
}
