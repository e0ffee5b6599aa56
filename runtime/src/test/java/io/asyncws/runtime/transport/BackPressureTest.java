package io.asyncws.runtime.transport;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.asyncws.runtime.MessageEvent;
import io.asyncws.runtime.Upgrade;
import io.asyncws.runtime.WebSocket;
import io.asyncws.runtime.WebSocketConfig;
import io.asyncws.runtime.WebSocketListener;
import io.asyncws.runtime.WebSocketServer;
import io.asyncws.runtime.interop.TestCertificate;
import java.io.DataInputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * A client that sends requests but does not read the replies cannot make the server buffer
 * without bound: past the high-water mark the server stops reading requests, and once the client
 * reads again everything flows and nothing is lost.
 */
@Timeout(60)
class BackPressureTest {
  private static final int HIGH_WATER_MARK = 256 << 10;
  private static final int REPLY_SIZE = 64 << 10;
  private static final int REQUESTS = 2_000; // 125 MiB of replies if nothing held them back

  @Test
  void serverStopsReadingFromClientThatDoesNotReadAndCatchesUpLater() throws Exception {
    assertBackPressureHolds(null);
  }

  /** The same over TLS, where unread records wait in the TLS layer as well as in the socket. */
  @Test
  void tlsServerStopsReadingFromClientThatDoesNotReadAndCatchesUpLater() throws Exception {
    assertBackPressureHolds(TestCertificate.localhost());
  }

  private static void assertBackPressureHolds(TestCertificate tls) throws Exception {
    AtomicInteger handled = new AtomicInteger();
    AtomicLong maxBuffered = new AtomicLong();
    WebSocketConfig config =
        WebSocketConfig.builder().eventLoops(1).writeBufferHighWaterMark(HIGH_WATER_MARK).build();
    WebSocketServer.Builder builder = WebSocketServer.builder();
    if (tls != null) builder.tls(tls.serverContext());
    try (WebSocketServer server =
            builder
                .config(config)
                .handler(request -> Upgrade.accept(new WebSocketListener() {
                  @Override
                  public void onMessage(WebSocket socket, MessageEvent event) {
                    handled.incrementAndGet();
                    socket.send(ByteBuffer.allocate(REPLY_SIZE));
                    maxBuffered.accumulateAndGet(socket.bufferedAmount(), Math::max);
                  }
                }))
                .start();
        Socket client = tls == null
            ? new Socket("127.0.0.1", server.port())
            : tls.clientContext().getSocketFactory().createSocket("127.0.0.1", server.port())) {
      client.setReceiveBufferSize(64 << 10);
      OutputStream out = client.getOutputStream();
      out.write(("GET / HTTP/1.1\r\nHost: x\r\nUpgrade: websocket\r\nConnection: Upgrade\r\n"
              + "Sec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\nSec-WebSocket-Version: 13\r\n\r\n")
          .getBytes(StandardCharsets.US_ASCII));
      DataInputStream in = new DataInputStream(client.getInputStream());
      skipHead(in);
      // Requests go out from a thread of their own: once the server stops reading, they block.
      Thread sender = new Thread(() -> {
        try {
          byte[] request = {(byte) 0x81, (byte) 0x80, 0, 0, 0, 0}; // masked empty text
          for (int i = 0; i < REQUESTS; i++) out.write(request);
        } catch (java.io.IOException ignored) {
          // The test fails on the counts below if the connection broke.
        }
      });
      sender.start();
      Thread.sleep(1_000); // let the server fill its queue while nobody reads
      int handledWhileStalled = handled.get();
      assertTrue(handledWhileStalled < REQUESTS / 4,
          "the server kept reading requests from a client that reads nothing: " + handledWhileStalled);
      assertTrue(maxBuffered.get() <= HIGH_WATER_MARK + REPLY_SIZE,
          "queued " + maxBuffered.get() + " bytes, more than the mark plus one reply");
      for (int i = 0; i < REQUESTS; i++) { // now read every reply
        assertEquals(0x82, in.readUnsignedByte());
        assertEquals(127, in.readUnsignedByte()); // 65536 needs the 64-bit length form
        assertEquals(REPLY_SIZE, in.readLong());
        in.skipNBytes(REPLY_SIZE);
      }
      sender.join(10_000);
      assertEquals(REQUESTS, handled.get());
    }
  }

  private static void skipHead(DataInputStream in) throws java.io.IOException {
    int matched = 0;
    while (matched < 4) {
      int b = in.readUnsignedByte();
      matched = (b == "\r\n\r\n".charAt(matched)) ? matched + 1 : (b == '\r' ? 1 : 0);
    }
  }
}
