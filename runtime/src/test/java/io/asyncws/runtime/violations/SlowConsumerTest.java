package io.asyncws.runtime.violations;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.asyncws.runtime.CloseEvent;
import io.asyncws.runtime.MessageEvent;
import io.asyncws.runtime.ReadyState;
import io.asyncws.runtime.Upgrade;
import io.asyncws.runtime.WebSocket;
import io.asyncws.runtime.WebSocketConfig;
import io.asyncws.runtime.WebSocketListener;
import io.asyncws.runtime.WebSocketServer;
import io.asyncws.runtime.interop.TestCertificate;
import java.io.DataInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * A peer that does not read what the server sends is cut off with 1008 "slow consumer", whether
 * the server only pushes or answers requests, by the hard limit on queued bytes or by the time the
 * queue stays above the high-water mark; TCP is closed even though the Close cannot be delivered.
 * A peer that reads at the same rate is never cut off.
 */
@Timeout(60)
class SlowConsumerTest {
  private static final int MESSAGE = 64 << 10;
  /** A 64 KiB binary frame from the server: 0x82, length form 127, 8-byte length. */
  private static final int FRAME = MESSAGE + 10;
  private static final long MARK = 256 << 10;
  /** Room for 320 ms of the push rate: a reader descheduled on a busy machine survives. */
  private static final long CAP = 4 << 20;
  private static final Duration SLOW_CONSUMER_TIMEOUT = Duration.ofMillis(600);
  private static final long PERIOD_NANOS = TimeUnit.MILLISECONDS.toNanos(5); // 13 MB/s
  private static final WebSocketConfig CONFIG =
      WebSocketConfig.builder()
          .eventLoops(1)
          .writeBufferHighWaterMark(MARK)
          .maxBufferedAmount(CAP)
          .slowConsumerTimeout(SLOW_CONSUMER_TIMEOUT)
          .closeTimeout(Duration.ofMillis(300))
          .build();
  /** A peer that does not read holds little in the kernel, so our own queue fills soon. */
  private static final int SMALL_WINDOW = 16 << 10;
  private static final CloseEvent SLOW = new CloseEvent(1008, "slow consumer", false);

  /** Replies to every request with one message; reports opening and closing. */
  private static final class ServerSide implements WebSocketListener {
    final CompletableFuture<WebSocket> opened = new CompletableFuture<>();
    final CompletableFuture<CloseEvent> closed = new CompletableFuture<>();
    final AtomicLong maxBuffered = new AtomicLong();

    @Override
    public void onOpen(WebSocket socket) {
      opened.complete(socket);
    }

    @Override
    public void onMessage(WebSocket socket, MessageEvent event) {
      socket.send(ByteBuffer.allocate(MESSAGE));
      maxBuffered.accumulateAndGet(socket.bufferedAmount(), Math::max);
    }

    @Override
    public void onClose(WebSocket socket, CloseEvent event) {
      closed.complete(event);
    }
  }

  /** What a pushing application saw: messages taken, whether one was refused, the peak queue. */
  private record Pushed(int sent, boolean refused, long maxBuffered) {}

  /**
   * Pushes up to {@code count} messages, one per period; {@code polite} waits while the queue is
   * above the mark, as an application watching {@code bufferedAmount()} does.
   */
  private static Pushed push(WebSocket socket, int count, boolean polite) throws InterruptedException {
    int sent = 0;
    long maxBuffered = 0;
    long next = System.nanoTime();
    for (int i = 0; i < count && socket.readyState() == ReadyState.OPEN; i++) {
      TimeUnit.NANOSECONDS.sleep(Math.max(0, next - System.nanoTime()));
      next = Math.max(next, System.nanoTime()) + PERIOD_NANOS; // late: no burst to catch up
      if (polite && socket.bufferedAmount() > MARK) continue;
      if (!socket.send(ByteBuffer.allocate(MESSAGE))) {
        return new Pushed(sent, socket.readyState() != ReadyState.OPEN, maxBuffered);
      }
      sent++;
      maxBuffered = Math.max(maxBuffered, socket.bufferedAmount());
    }
    return new Pushed(sent, false, maxBuffered);
  }

  @Test
  void pushOnlyServerClosesPeerThatNeverReadsWith1008AtTheQueueLimit() throws Exception {
    ServerSide side = new ServerSide();
    try (WebSocketServer server = start(side);
        Socket peer = connect(server.port(), SMALL_WINDOW)) {
      Pushed pushed = push(side.opened.get(5, TimeUnit.SECONDS), 10_000, false);
      assertTrue(pushed.refused(), "the message beyond the limit was refused: " + pushed);
      assertTrue(pushed.maxBuffered() <= CAP + FRAME, "queued " + pushed.maxBuffered());
      assertEquals(SLOW, side.closed.get(5, TimeUnit.SECONDS));
      assertTrue(endsWithinBound(peer), "the server closed TCP");
    }
  }

  /** Over TLS the unread bytes also wait as records in the TLS layer; the bound holds the same. */
  @Test
  void tlsPushOnlyServerClosesPeerThatNeverReadsWith1008AtTheQueueLimit() throws Exception {
    ServerSide side = new ServerSide();
    TestCertificate tls = TestCertificate.localhost();
    try (WebSocketServer server =
            WebSocketServer.builder()
                .config(CONFIG)
                .tls(tls.serverContext())
                .handler(request -> Upgrade.accept(side))
                .start();
        Socket peer = upgrade(tls.clientContext().getSocketFactory().createSocket(), server.port(), SMALL_WINDOW)) {
      Pushed pushed = push(side.opened.get(5, TimeUnit.SECONDS), 10_000, false);
      assertTrue(pushed.refused(), "the message beyond the limit was refused: " + pushed);
      assertTrue(pushed.maxBuffered() <= CAP + FRAME, "queued " + pushed.maxBuffered());
      assertEquals(SLOW, side.closed.get(5, TimeUnit.SECONDS));
      assertTrue(endsWithinBound(peer), "the server closed TCP");
    }
  }

  @Test
  void pushOnlyServerClosesPeerThatNeverReadsWith1008AfterSlowConsumerTimeout() throws Exception {
    ServerSide side = new ServerSide();
    try (WebSocketServer server = start(side);
        Socket peer = connect(server.port(), SMALL_WINDOW)) {
      WebSocket socket = side.opened.get(5, TimeUnit.SECONDS);
      long started = System.nanoTime();
      Pushed pushed = push(socket, 10_000, true); // never above the mark plus one message
      long elapsedMillis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started);
      assertFalse(pushed.refused(), "the limit was never reached: " + pushed);
      assertTrue(pushed.maxBuffered() <= MARK + FRAME, "queued " + pushed.maxBuffered());
      assertEquals(SLOW, side.closed.get(5, TimeUnit.SECONDS));
      assertTrue(elapsedMillis >= SLOW_CONSUMER_TIMEOUT.toMillis(), "closed after " + elapsedMillis + " ms");
      assertTrue(endsWithinBound(peer), "the server closed TCP");
    }
  }

  @Test
  void serverPausesThenClosesRequestingPeerThatNeverReadsWith1008() throws Exception {
    ServerSide side = new ServerSide();
    try (WebSocketServer server = start(side);
        Socket peer = connect(server.port(), SMALL_WINDOW)) {
      OutputStream out = peer.getOutputStream();
      // Requests from a thread of their own: once the server stops reading, writes block until
      // the server closes the connection.
      Thread requester = new Thread(() -> {
        try {
          byte[] request = {(byte) 0x81, (byte) 0x80, 0, 0, 0, 0}; // masked empty text
          for (int i = 0; i < 100_000; i++) out.write(request);
        } catch (IOException expected) {
          // The server closed the connection.
        }
      });
      requester.start();
      assertEquals(SLOW, side.closed.get(10, TimeUnit.SECONDS));
      assertTrue(side.maxBuffered.get() <= MARK + FRAME, "queued " + side.maxBuffered.get());
      assertTrue(endsWithinBound(peer), "the server closed TCP");
      requester.join(5_000);
      assertFalse(requester.isAlive(), "the requests stopped with the connection");
    }
  }

  @Test
  void pushOnlyServerNeverClosesPeerThatReadsAtTheSameRate() throws Exception {
    ServerSide side = new ServerSide();
    try (WebSocketServer server = start(side);
        Socket peer = connect(server.port(), 0)) {
      CompletableFuture<Integer> received = new CompletableFuture<>();
      Thread reader = new Thread(() -> received.complete(countFrames(peer)));
      reader.start();
      WebSocket socket = side.opened.get(5, TimeUnit.SECONDS);
      int count = (int) (3 * SLOW_CONSUMER_TIMEOUT.toNanos() / PERIOD_NANOS);
      Pushed pushed = push(socket, count, false);
      assertEquals(new Pushed(count, false, pushed.maxBuffered()), pushed);
      assertTrue(pushed.maxBuffered() <= CAP, "queued " + pushed.maxBuffered());
      socket.close(1000, "done");
      assertEquals(count, received.get(10, TimeUnit.SECONDS));
      assertEquals(new CloseEvent(1000, "", true), side.closed.get(5, TimeUnit.SECONDS));
      reader.join(5_000);
    }
  }

  private static WebSocketServer start(ServerSide side) {
    return WebSocketServer.builder().config(CONFIG).handler(request -> Upgrade.accept(side)).start();
  }

  /**
   * Upgrades, with a receive buffer of {@code receiveBuffer} bytes (0: the system's), and reads
   * the response head byte by byte, so that nothing the server sends after it is taken.
   */
  private static Socket connect(int port, int receiveBuffer) throws IOException {
    return upgrade(new Socket(), port, receiveBuffer);
  }

  /** {@link #connect} on an unconnected {@code socket}, plain or TLS. */
  private static Socket upgrade(Socket socket, int port, int receiveBuffer) throws IOException {
    if (receiveBuffer > 0) socket.setReceiveBufferSize(receiveBuffer);
    socket.setSoTimeout(5_000);
    socket.connect(new InetSocketAddress("127.0.0.1", port), 5_000);
    socket.getOutputStream().write(
        ("GET / HTTP/1.1\r\nHost: 127.0.0.1\r\nUpgrade: websocket\r\nConnection: Upgrade\r\n"
                + "Sec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\nSec-WebSocket-Version: 13\r\n\r\n")
            .getBytes(StandardCharsets.US_ASCII));
    InputStream in = socket.getInputStream();
    int matched = 0;
    for (int read = 0; matched < 4 && read < 16_384; read++) {
      int b = in.read();
      if (b < 0) throw new IOException("the server closed during the handshake");
      matched = (b == "\r\n\r\n".charAt(matched)) ? matched + 1 : (b == '\r' ? 1 : 0);
    }
    return socket;
  }

  /** Reads everything left; true when the stream ends (or is reset) before the read timeout. */
  private static boolean endsWithinBound(Socket socket) throws IOException {
    byte[] sink = new byte[64 << 10];
    InputStream in = socket.getInputStream();
    try {
      for (long total = 0; total < (64L << 20); ) { // more than the server may ever queue
        int n = in.read(sink);
        if (n < 0) return true;
        total += n;
      }
      return false;
    } catch (SocketTimeoutException e) {
      return false;
    } catch (IOException reset) {
      return true; // unsent data makes the close a reset
    }
  }

  /** Counts the server's 64 KiB binary frames until its Close frame. */
  private static int countFrames(Socket socket) {
    try {
      DataInputStream in =
          new DataInputStream(new java.io.BufferedInputStream(socket.getInputStream(), 1 << 16));
      byte[] payload = new byte[MESSAGE];
      for (int frames = 0; ; frames++) {
        int b0 = in.readUnsignedByte();
        if (b0 == 0x88) {
          // Masked Close 1000 with a zero mask key, echoing the server's.
          socket.getOutputStream().write(new byte[] {(byte) 0x88, (byte) 0x82, 0, 0, 0, 0, 0x03, (byte) 0xe8});
          return frames;
        }
        if (b0 != 0x82 || in.readUnsignedByte() != 127 || in.readLong() != MESSAGE) return -1;
        in.readFully(payload);
      }
    } catch (IOException e) {
      return -2;
    }
  }
}
