package io.asyncws.runtime.violations;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.asyncws.runtime.CloseEvent;
import io.asyncws.runtime.MessageEvent;
import io.asyncws.runtime.ReadyState;
import io.asyncws.runtime.Upgrade;
import io.asyncws.runtime.WebSocket;
import io.asyncws.runtime.WebSocketClient;
import io.asyncws.runtime.WebSocketConfig;
import io.asyncws.runtime.WebSocketListener;
import io.asyncws.runtime.WebSocketServer;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * The idle timeout over real sockets: a silent peer that ignores Pings is pinged, closed with 1001
 * and dropped; a quiet peer that answers Pings (the JDK client does by itself) stays; data
 * postpones the Ping; {@link Duration#ZERO} turns it all off.
 */
@Timeout(30)
class IdleTimeoutTest {
  private static final Duration IDLE = Duration.ofMillis(600);
  private static final long HALF_MILLIS = IDLE.toMillis() / 2;
  private static final WebSocketConfig CONFIG =
      WebSocketConfig.builder()
          .eventLoops(1)
          .idleTimeout(IDLE)
          .closeTimeout(Duration.ofMillis(300))
          .build();
  private static final int OPCODE_TEXT = 0x1;
  private static final int OPCODE_PING = 0x9;

  /** Echoes text and reports the close event. */
  private static final class ServerSide implements WebSocketListener {
    final CompletableFuture<CloseEvent> closed = new CompletableFuture<>();
    final CompletableFuture<WebSocket> opened = new CompletableFuture<>();
    final AtomicInteger pongs = new AtomicInteger();
    final AtomicInteger messages = new AtomicInteger();

    @Override
    public void onOpen(WebSocket socket) {
      opened.complete(socket);
    }

    @Override
    public void onMessage(WebSocket socket, MessageEvent event) {
      messages.incrementAndGet();
      if (event.isText() && event.text().startsWith("echo")) socket.send(event.text());
    }

    @Override
    public void onPong(WebSocket socket, ByteBuffer payload) {
      pongs.incrementAndGet();
    }

    @Override
    public void onClose(WebSocket socket, CloseEvent event) {
      closed.complete(event);
    }
  }

  private static WebSocketServer start(WebSocketConfig config, ServerSide side) {
    return WebSocketServer.builder().config(config).handler(request -> Upgrade.accept(side)).start();
  }

  @Test
  void serverPingsSilentRawPeerThenClosesWith1001AndDropsTcp() throws Exception {
    ServerSide side = new ServerSide();
    try (WebSocketServer server = start(CONFIG, side)) {
      long opened = System.nanoTime(); // before the server's clock starts, so elapsed is a bound
      try (RawPeer peer = RawPeer.connectTo(server.port())) {
        byte[] ping = peer.readFrame();
        assertEquals(OPCODE_PING, ping[0]);
        assertTrue(millisSince(opened) >= HALF_MILLIS, "pinged after " + millisSince(opened) + " ms");
        byte[] close = peer.readFrame(); // the peer answers nothing
        assertEquals(0x8, close[0]);
        assertEquals(1001, ((close[1] & 0xff) << 8) | (close[2] & 0xff));
        assertEquals("idle timeout", new String(close, 3, close.length - 3, StandardCharsets.UTF_8));
        assertTrue(millisSince(opened) >= IDLE.toMillis(), "closed after " + millisSince(opened) + " ms");
        assertTrue(peer.closedByPeer(), "TCP is dropped once the close timeout passes unanswered");
      }
      assertEquals(new CloseEvent(1001, "idle timeout", false), side.closed.get(5, TimeUnit.SECONDS));
    }
  }

  @Test
  void serverKeepsQuietJdkClientOpenForThreeIdleTimeouts() throws Exception {
    ServerSide side = new ServerSide();
    try (WebSocketServer server = start(CONFIG, side)) {
      CompletableFuture<String> echo = new CompletableFuture<>();
      java.net.http.WebSocket client =
          HttpClient.newHttpClient()
              .newWebSocketBuilder()
              .buildAsync(
                  URI.create("ws://127.0.0.1:" + server.port() + "/"),
                  new java.net.http.WebSocket.Listener() {
                    @Override
                    public CompletionStage<?> onText(
                        java.net.http.WebSocket ws, CharSequence data, boolean last) {
                      echo.complete(data.toString());
                      ws.request(1);
                      return null;
                    }
                  })
              .get(5, TimeUnit.SECONDS);
      try {
        WebSocket session = side.opened.get(5, TimeUnit.SECONDS);
        // The client sends nothing of its own; only its automatic Pongs keep it alive.
        assertThrows(
            TimeoutException.class,
            () -> side.closed.get(3 * IDLE.toMillis(), TimeUnit.MILLISECONDS),
            "the server closed a live client");
        assertTrue(side.pongs.get() >= 2, "pongs: " + side.pongs.get());
        assertEquals(ReadyState.OPEN, session.readyState());
        client.sendText("echo: still here", true).get(5, TimeUnit.SECONDS);
        assertEquals("echo: still here", echo.get(5, TimeUnit.SECONDS));
      } finally {
        client.abort();
      }
    }
  }

  @Test
  void dataFromPeerPostponesPingAndClose() throws Exception {
    ServerSide side = new ServerSide();
    try (WebSocketServer server = start(CONFIG, side);
        RawPeer peer = RawPeer.connectTo(server.port())) {
      int sent = 0;
      long started = System.nanoTime();
      long lastData;
      while (true) { // pacing: a message every 100 ms for three idle timeouts
        peer.writeHex("8181" + "00000000" + "41"); // masked text "A", zero mask key
        lastData = System.nanoTime();
        sent++;
        if (millisSince(started) >= 3 * IDLE.toMillis()) break;
        Thread.sleep(100);
      }
      byte[] first = peer.readFrame();
      assertEquals(OPCODE_PING, first[0], "the first frame after the data is the idle Ping");
      assertTrue(
          millisSince(lastData) >= HALF_MILLIS - 50,
          "a Ping came " + millisSince(lastData) + " ms after the last data: it was sent during it");
      assertEquals(1001, peer.readCloseCode());
      assertEquals(sent, side.messages.get());
    }
  }

  @Test
  void zeroIdleTimeoutNeverClosesSilentPeer() throws Exception {
    ServerSide side = new ServerSide();
    try (WebSocketServer server = start(CONFIG.toBuilder().idleTimeout(Duration.ZERO).build(), side);
        RawPeer peer = RawPeer.connectTo(server.port())) {
      assertThrows(
          TimeoutException.class,
          () -> side.closed.get(3 * IDLE.toMillis(), TimeUnit.MILLISECONDS));
      peer.writeHex("8186" + "00000000" + "6563686f2121"); // masked text "echo!!"
      byte[] frame = peer.readFrame();
      assertEquals(OPCODE_TEXT, frame[0], "no Ping or Close came first");
      assertEquals("echo!!", new String(frame, 1, frame.length - 1, StandardCharsets.UTF_8));
    }
  }

  @Test
  void clientPingsSilentServerThenClosesWith1001AndDropsTcp() throws Exception {
    try (ServerSocket listening = new ServerSocket(0);
        WebSocketClient client = WebSocketClient.create(CONFIG)) {
      CompletableFuture<CloseEvent> closed = new CompletableFuture<>();
      CompletableFuture<WebSocket> opened =
          client.connect(
              URI.create("ws://127.0.0.1:" + listening.getLocalPort() + "/"),
              new WebSocketListener() {
                @Override
                public void onClose(WebSocket socket, CloseEvent event) {
                  closed.complete(event);
                }
              });
      try (RawPeer server = RawPeer.acceptFrom(listening)) {
        opened.get(5, TimeUnit.SECONDS);
        assertEquals(OPCODE_PING, server.readFrame()[0]);
        assertEquals(1001, server.readCloseCode());
        assertTrue(server.closedByPeer(), "the client drops TCP when the server never answers");
        assertEquals(new CloseEvent(1001, "idle timeout", false), closed.get(5, TimeUnit.SECONDS));
      }
    }
  }

  private static long millisSince(long startNanos) {
    return TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - startNanos);
  }
}
