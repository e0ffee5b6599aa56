package io.asyncws.runtime.handshake;

import static java.util.concurrent.TimeUnit.SECONDS;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.websocket.api.Callback;
import org.eclipse.jetty.websocket.api.Session;
import org.eclipse.jetty.websocket.client.ClientUpgradeRequest;
import org.eclipse.jetty.websocket.client.WebSocketClient;
import org.eclipse.jetty.websocket.server.WebSocketUpgradeHandler;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * The handshake code against real peers over loopback sockets: the JDK's and Jetty's clients talk
 * to a minimal blocking server built on {@link ServerHandshake}, and {@link ClientHandshake} talks
 * to a Jetty server. Sockets here belong to the tests; the handshake code has none.
 */
@Tag("interop")
@Timeout(30)
class HandshakeInteropTest {
  private static final int IO_TIMEOUT_MS = 5000;

  /** An unmasked text frame "hi", as a server sends it. */
  private static final byte[] SERVER_HI = {(byte) 0x81, 0x02, 'h', 'i'};

  private ExecutorService executor;

  @BeforeEach
  void startExecutor() {
    executor = Executors.newSingleThreadExecutor();
  }

  @AfterEach
  void stopExecutor() throws InterruptedException {
    executor.shutdownNow();
    assertTrue(executor.awaitTermination(5, SECONDS), "server thread did not stop");
  }

  /**
   * Accepts one connection, answers its handshake choosing {@code subprotocol}, sends "hi", then
   * waits for the client to go away. Returns what the client asked for.
   */
  private Future<UpgradeRequest> serveOnce(ServerSocket listener, String subprotocol) {
    return executor.submit(
        () -> {
          try (Socket socket = listener.accept()) {
            socket.setSoTimeout(IO_TIMEOUT_MS);
            HttpHeadDecoder<HttpHead.Request> decoder = HttpHeadDecoder.forRequests(16384, 100);
            InputStream in = socket.getInputStream();
            byte[] chunk = new byte[512];
            HttpHead.Request head = null;
            while (head == null) {
              int n = in.read(chunk);
              if (n < 0) throw new IOException("The client closed before its handshake ended.");
              head = decoder.feed(ByteBuffer.wrap(chunk, 0, n));
            }
            UpgradeRequest request = ServerHandshake.validate(head);
            socket
                .getOutputStream()
                .write(
                    bytes(
                        ServerHandshake.acceptResponse(request, subprotocol, null, Headers.EMPTY)));
            socket.getOutputStream().write(SERVER_HI);
            while (in.read(chunk) >= 0) {
              // Drain until the client closes, so it reads "hi" before any EOF.
            }
            return request;
          }
        });
  }

  private static byte[] bytes(ByteBuffer buffer) {
    byte[] bytes = new byte[buffer.remaining()];
    buffer.get(bytes);
    return bytes;
  }

  @Test
  void jdkHttpClientHandshakesWithOurServer() throws Exception {
    try (ServerSocket listener = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      listener.setSoTimeout(IO_TIMEOUT_MS);
      Future<UpgradeRequest> served = serveOnce(listener, "v1");
      CompletableFuture<String> text = new CompletableFuture<>();
      WebSocket.Listener onText =
          new WebSocket.Listener() {
            @Override
            public CompletionStage<?> onText(WebSocket ws, CharSequence data, boolean last) {
              text.complete(data.toString());
              return null;
            }
          };
      URI uri = URI.create("ws://127.0.0.1:" + listener.getLocalPort() + "/chat?room=caf%C3%A9");
      WebSocket ws =
          HttpClient.newHttpClient()
              .newWebSocketBuilder()
              .subprotocols("v2", "v1")
              .header("X-Token", "secret")
              .buildAsync(uri, onText)
              .get(5, SECONDS);
      assertEquals("v1", ws.getSubprotocol());
      assertEquals("hi", text.get(5, SECONDS));
      ws.abort();
      UpgradeRequest request = served.get(5, SECONDS);
      assertEquals("/chat", request.path());
      assertEquals(Optional.of("caf\u00e9"), request.queryParameter("room"));
      assertEquals(List.of("v2", "v1"), request.subprotocols());
      assertEquals(Optional.of("secret"), request.headers().first("x-token"));
    }
  }

  @Test
  void jettyClientHandshakesWithOurServer() throws Exception {
    WebSocketClient client = new WebSocketClient();
    client.start();
    try (ServerSocket listener = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      listener.setSoTimeout(IO_TIMEOUT_MS);
      Future<UpgradeRequest> served = serveOnce(listener, null);
      TextCatcher catcher = new TextCatcher();
      ClientUpgradeRequest upgrade = new ClientUpgradeRequest();
      upgrade.addExtensions("permessage-deflate; client_max_window_bits");
      URI uri = URI.create("ws://127.0.0.1:" + listener.getLocalPort() + "/");
      Session session = client.connect(catcher, uri, upgrade).get(5, SECONDS);
      assertEquals("hi", catcher.text.get(5, SECONDS));
      session.disconnect();
      UpgradeRequest request = served.get(5, SECONDS);
      assertTrue(
          request.extensions().contains("permessage-deflate"), request.extensions().toString());
      // Our 101 declined the offer, so Jetty must not have enabled the extension.
      assertEquals(List.of(), session.getUpgradeResponse().getExtensions());
    } finally {
      client.stop();
    }
  }

  @Test
  void nodeBrowserLikeClientHandshakesWithOurServer() throws Exception {
    // Node 20's experimental WebSocket is undici's, the WHATWG implementation browsers follow.
    String script =
        "const ws = new WebSocket(process.argv[1], ['v2', 'v1']);ws.onmessage = (e) => {"
            + " console.log(ws.protocol + '|' + ws.extensions + '|' + e.data); process.exit(0);"
            + " };ws.onerror = () => { console.log('error'); process.exit(1); };";
    try (ServerSocket listener = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      listener.setSoTimeout(IO_TIMEOUT_MS);
      Future<UpgradeRequest> served = serveOnce(listener, "v1");
      String uri = "ws://127.0.0.1:" + listener.getLocalPort() + "/browser";
      Process node;
      try {
        node =
            new ProcessBuilder("node", "--experimental-websocket", "-e", script, uri)
                .redirectErrorStream(true)
                .start();
      } catch (IOException e) {
        Assumptions.abort("node is not installed: " + e.getMessage());
        return;
      }
      try {
        assertTrue(node.waitFor(10, SECONDS), "node did not finish");
        String output = new String(node.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(output.endsWith("v1||hi\n"), output);
        assertEquals(0, node.exitValue(), output);
      } finally {
        node.destroy();
        if (!node.waitFor(2, SECONDS)) node.destroyForcibly().waitFor(2, SECONDS);
      }
      UpgradeRequest request = served.get(5, SECONDS);
      assertEquals("/browser", request.path());
      assertTrue(request.extensions().contains("permessage-deflate"), request.headers().toString());
    }
  }

  /** Catches the first text message; public because Jetty calls it reflectively. */
  public static final class TextCatcher implements Session.Listener.AutoDemanding {
    final CompletableFuture<String> text = new CompletableFuture<>();

    @Override
    public void onWebSocketText(String message) {
      text.complete(message);
    }
  }

  /** A Jetty server at /echo that echoes text and picks "v1" when offered. */
  private static Server jettyEchoServer() throws Exception {
    Server server = new Server();
    ServerConnector connector = new ServerConnector(server);
    connector.setHost("127.0.0.1");
    connector.setPort(0);
    server.addConnector(connector);
    server.setHandler(
        WebSocketUpgradeHandler.from(
            server,
            container ->
                container.addMapping(
                    "/echo",
                    (request, response, callback) -> {
                      if (request.getSubProtocols().contains("v1")) {
                        response.setAcceptedSubProtocol("v1");
                      }
                      return new EchoEndpoint();
                    })));
    server.start();
    return server;
  }

  /** Echoes every text message. */
  public static final class EchoEndpoint implements Session.Listener.AutoDemanding {
    private Session session;

    @Override
    public void onWebSocketOpen(Session session) {
      this.session = session;
    }

    @Override
    public void onWebSocketText(String message) {
      session.sendText(message, Callback.NOOP);
    }
  }

  private static int port(Server server) {
    return ((ServerConnector) server.getConnectors()[0]).getLocalPort();
  }

  /**
   * Writes our request, feeds the response through {@link ClientHandshake#feed}; leftover in {@code
   * rest}.
   */
  private static HandshakeResult handshake(
      Socket socket, ClientHandshake handshake, ByteBuffer rest)
      throws IOException, HandshakeFailedException {
    socket.setSoTimeout(IO_TIMEOUT_MS);
    socket.getOutputStream().write(bytes(handshake.request()));
    InputStream in = socket.getInputStream();
    byte[] chunk = new byte[512];
    while (true) {
      int n = in.read(chunk);
      if (n < 0) throw new IOException("The server closed before its handshake ended.");
      ByteBuffer buffer = ByteBuffer.wrap(chunk, 0, n);
      HandshakeResult result = handshake.feed(buffer);
      if (result != null) {
        rest.put(buffer);
        return result;
      }
    }
  }

  @Test
  void ourClientHandshakesWithJettyServerAndReadsItsFrames() throws Exception {
    Server server = jettyEchoServer();
    try (Socket socket = new Socket(InetAddress.getLoopbackAddress(), port(server))) {
      ClientHandshake handshake =
          ClientHandshake.builder(URI.create("ws://127.0.0.1:" + port(server) + "/echo"))
              .subprotocols(List.of("v2", "v1"))
              .headers(Headers.of("Origin", "http://127.0.0.1"))
              .build();
      ByteBuffer rest = ByteBuffer.allocate(64);
      HandshakeResult result = handshake(socket, handshake, rest);
      assertEquals("v1", result.subprotocol());
      assertEquals("", result.extensions());
      // A masked text frame "hi" with an all-zero mask, so the payload reads as sent.
      socket.getOutputStream().write(new byte[] {(byte) 0x81, (byte) 0x82, 0, 0, 0, 0, 'h', 'i'});
      InputStream in = socket.getInputStream();
      while (rest.position() < SERVER_HI.length) {
        int b = in.read();
        if (b < 0) throw new IOException("The server closed before echoing.");
        rest.put((byte) b);
      }
      rest.flip();
      assertEquals("81026869", TestHeads.hex(rest)); // the echo, unmasked
    } finally {
      server.stop();
    }
  }

  @Test
  void ourClientNegotiatesPermessageDeflateWithJetty() throws Exception {
    Server server = jettyEchoServer();
    try (Socket socket = new Socket(InetAddress.getLoopbackAddress(), port(server))) {
      ClientHandshake handshake =
          ClientHandshake.builder(URI.create("ws://127.0.0.1:" + port(server) + "/echo"))
              .extensions("permessage-deflate; client_max_window_bits")
              .build();
      HandshakeResult result = handshake(socket, handshake, ByteBuffer.allocate(64));
      assertEquals("", result.subprotocol());
      Extensions accepted = Extensions.parse(result.extensions());
      assertEquals(List.of("permessage-deflate"), accepted.names(), result.extensions());
    } finally {
      server.stop();
    }
  }

  @Test
  void ourClientReportsJettyRefusal() throws Exception {
    Server server = jettyEchoServer();
    try (Socket socket = new Socket(InetAddress.getLoopbackAddress(), port(server))) {
      ClientHandshake handshake =
          ClientHandshake.builder(URI.create("ws://127.0.0.1:" + port(server) + "/nowhere"))
              .build();
      HandshakeFailedException e =
          org.junit.jupiter.api.Assertions.assertThrows(
              HandshakeFailedException.class,
              () -> handshake(socket, handshake, ByteBuffer.allocate(64)));
      assertEquals(404, e.status(), e.getMessage());
    } finally {
      server.stop();
    }
  }
}
