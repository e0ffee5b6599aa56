package io.asyncws.samples.echo;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.asyncws.runtime.CloseEvent;
import io.asyncws.runtime.MessageEvent;
import io.asyncws.runtime.Upgrade;
import io.asyncws.runtime.WebSocket;
import io.asyncws.runtime.WebSocketListener;
import io.asyncws.runtime.WebSocketServer;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * The built {@code target/echo.jar}, run as the conformance suite runs it: as a separate process,
 * server and client, stopped by PID.
 */
@Timeout(60)
class EchoJarIT {
  private static final Path JAR = Path.of("target", "echo.jar");
  private static final Pattern LISTENING = Pattern.compile("listening on ws://[^:]+:(\\d+)/");

  private static Process java(String... args) throws Exception {
    assertTrue(Files.isRegularFile(JAR), "the build makes " + JAR.toAbsolutePath());
    String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    List<String> command = new java.util.ArrayList<>(List.of(java, "-jar", JAR.toString()));
    command.addAll(List.of(args));
    return new ProcessBuilder(command).redirectErrorStream(true).start();
  }

  private static void stop(Process process) throws InterruptedException {
    process.destroy(); // SIGTERM
    if (!process.waitFor(10, TimeUnit.SECONDS)) {
      process.destroyForcibly().waitFor(5, TimeUnit.SECONDS);
    }
  }

  @Test
  void serverEchoesTextAndBinaryToJdkClientAndStopsOnSigterm() throws Exception {
    Process server = java("server", "--port", "0");
    try {
      BufferedReader out = new BufferedReader(new InputStreamReader(server.getInputStream(), StandardCharsets.UTF_8));
      String line = out.readLine();
      Matcher port = LISTENING.matcher(String.valueOf(line));
      assertTrue(port.find(), "first line: " + line);
      LinkedBlockingQueue<Object> echoes = new LinkedBlockingQueue<>();
      java.net.http.WebSocket socket =
          HttpClient.newHttpClient().newWebSocketBuilder()
              .buildAsync(URI.create("ws://127.0.0.1:" + port.group(1) + "/any/path?x=1"),
                  new java.net.http.WebSocket.Listener() {
                    @Override
                    public CompletionStage<?> onText(java.net.http.WebSocket ws, CharSequence data, boolean last) {
                      echoes.add(data.toString());
                      ws.request(1);
                      return null;
                    }

                    @Override
                    public CompletionStage<?> onBinary(java.net.http.WebSocket ws, ByteBuffer data, boolean last) {
                      byte[] bytes = new byte[data.remaining()];
                      data.get(bytes);
                      echoes.add(bytes);
                      ws.request(1);
                      return null;
                    }
                  })
              .get(10, TimeUnit.SECONDS);
      socket.sendText("héllo", true).get(5, TimeUnit.SECONDS);
      assertEquals("héllo", echoes.poll(5, TimeUnit.SECONDS));
      socket.sendBinary(ByteBuffer.wrap(new byte[] {0, 1, 2, (byte) 255}), true).get(5, TimeUnit.SECONDS);
      assertEquals(List.of((byte) 0, (byte) 1, (byte) 2, (byte) 255),
          toList((byte[]) echoes.poll(5, TimeUnit.SECONDS)));
      socket.sendClose(1000, "bye").get(5, TimeUnit.SECONDS);
    } finally {
      stop(server);
    }
    assertEquals(false, server.isAlive());
  }

  @Test
  void clientEchoesEverythingAndExitsZeroWhenServerCloses() throws Exception {
    CompletableFuture<List<String>> received = new CompletableFuture<>();
    try (WebSocketServer server =
        WebSocketServer.builder()
            .handler(request -> Upgrade.accept(new WebSocketListener() {
              private final List<String> echoes = new java.util.ArrayList<>();

              @Override
              public void onOpen(WebSocket socket) {
                socket.send("one");
                socket.send("two");
                socket.send(new byte[] {7});
              }

              @Override
              public void onMessage(WebSocket socket, MessageEvent event) {
                echoes.add(event.isText() ? event.text() : "binary:" + event.binary().get(0));
                if (echoes.size() == 3) {
                  received.complete(echoes);
                  socket.close(1000, "that is all");
                }
              }

              @Override
              public void onClose(WebSocket socket, CloseEvent event) {
                received.complete(echoes);
              }
            }))
            .start()) {
      Process client = java("client", "ws://127.0.0.1:" + server.port() + "/runCase?case=1&agent=asyncws");
      try {
        assertEquals(List.of("one", "two", "binary:7"), received.get(10, TimeUnit.SECONDS));
        assertTrue(client.waitFor(10, TimeUnit.SECONDS), "client exits after the server closed");
        assertEquals(0, client.exitValue(), new String(client.getInputStream().readAllBytes(), StandardCharsets.UTF_8));
      } finally {
        stop(client);
      }
    }
  }

  @Test
  void serverWithDeflateAcceptsOfferAndEchoesCompressed() throws Exception {
    Process server = java("server", "--port", "0", "--deflate");
    try (io.asyncws.runtime.WebSocketClient client =
        io.asyncws.runtime.WebSocketClient.create(
            io.asyncws.runtime.WebSocketConfig.builder().eventLoops(1).perMessageDeflate(true).build())) {
      BufferedReader out = new BufferedReader(new InputStreamReader(server.getInputStream(), StandardCharsets.UTF_8));
      String line = out.readLine();
      Matcher port = LISTENING.matcher(String.valueOf(line));
      assertTrue(port.find(), "first line: " + line);
      LinkedBlockingQueue<String> echoes = new LinkedBlockingQueue<>();
      WebSocket socket =
          client.connect(URI.create("ws://127.0.0.1:" + port.group(1) + "/"), new WebSocketListener() {
            @Override
            public void onMessage(WebSocket socket, MessageEvent event) {
              echoes.add(event.text());
            }
          }).get(10, TimeUnit.SECONDS);
      assertEquals("permessage-deflate", socket.extensions());
      String text = "héllo ".repeat(100);
      socket.send(text);
      socket.send("héllo"); // under any threshold: the server compresses every message anyway
      assertEquals(text, echoes.poll(5, TimeUnit.SECONDS));
      assertEquals("héllo", echoes.poll(5, TimeUnit.SECONDS));
      socket.close();
    } finally {
      stop(server);
    }
  }

  @Test
  void clientWithDeflateOffersItAndEchoes() throws Exception {
    CompletableFuture<List<String>> received = new CompletableFuture<>();
    CompletableFuture<String> agreed = new CompletableFuture<>();
    try (WebSocketServer server =
        WebSocketServer.builder()
            .config(io.asyncws.runtime.WebSocketConfig.builder().perMessageDeflate(true).build())
            .handler(request -> Upgrade.accept(new WebSocketListener() {
              private final List<String> echoes = new java.util.ArrayList<>();

              @Override
              public void onOpen(WebSocket socket) {
                agreed.complete(socket.extensions());
                socket.send("one ".repeat(200));
                socket.send(new byte[] {7});
              }

              @Override
              public void onMessage(WebSocket socket, MessageEvent event) {
                echoes.add(event.isText() ? event.text().substring(0, 4) : "binary:" + event.binary().get(0));
                if (echoes.size() == 2) {
                  received.complete(echoes);
                  socket.close(1000, "that is all");
                }
              }
            }))
            .start()) {
      Process client = java("client", "--deflate", "ws://127.0.0.1:" + server.port() + "/");
      try {
        assertEquals("permessage-deflate", agreed.get(10, TimeUnit.SECONDS));
        assertEquals(List.of("one ", "binary:7"), received.get(10, TimeUnit.SECONDS));
        assertTrue(client.waitFor(10, TimeUnit.SECONDS), "client exits after the server closed");
        assertEquals(0, client.exitValue(), new String(client.getInputStream().readAllBytes(), StandardCharsets.UTF_8));
      } finally {
        stop(client);
      }
    }
  }

  @Test
  void clientExitsNonZeroWithReasonWhenItCannotConnect() throws Exception {
    int freePort;
    try (java.net.ServerSocket probe = new java.net.ServerSocket(0)) {
      freePort = probe.getLocalPort();
    }
    Process client = java("client", "ws://127.0.0.1:" + freePort + "/");
    try {
      assertTrue(client.waitFor(10, TimeUnit.SECONDS));
      String output = new String(client.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
      assertEquals(1, client.exitValue(), output);
      assertTrue(output.contains("cannot connect"), output);
    } finally {
      stop(client);
    }
  }

  @Test
  void badUsageExitsTwo() throws Exception {
    Process bad = java("server", "--port", "banana");
    try {
      assertTrue(bad.waitFor(10, TimeUnit.SECONDS));
      assertEquals(2, bad.exitValue());
    } finally {
      stop(bad);
    }
  }

  private static List<Byte> toList(byte[] bytes) {
    List<Byte> list = new java.util.ArrayList<>();
    for (byte b : bytes) list.add(b);
    return list;
  }
}
