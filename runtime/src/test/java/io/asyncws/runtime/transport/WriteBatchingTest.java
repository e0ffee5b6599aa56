package io.asyncws.runtime.transport;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.asyncws.runtime.MessageEvent;
import io.asyncws.runtime.Upgrade;
import io.asyncws.runtime.WebSocket;
import io.asyncws.runtime.WebSocketListener;
import io.asyncws.runtime.WebSocketServer;
import io.asyncws.runtime.protocol.FrameCallback;
import io.asyncws.runtime.protocol.FrameReader;
import io.asyncws.runtime.protocol.FrameWriter;
import io.asyncws.runtime.protocol.Role;
import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.net.Socket;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Echoes written in batches: many messages arriving in one read are answered by one flush, small
 * frames copied together into the loop's write buffer and larger ones written beside them. Over
 * a real socket, every echo must come back whole and in order.
 */
@Timeout(value = 30, unit = TimeUnit.SECONDS)
class WriteBatchingTest {
  /** Above the loop's 64 KiB write buffer, so this frame bypasses it between small ones. */
  private static final int LARGE = (64 << 10) + 1000;
  private static final int SMALL_COUNT = 200;

  @Test
  void serverEchoesABurstOfSmallAndLargeMessagesWholeAndInOrder() throws Exception {
    try (WebSocketServer server =
            WebSocketServer.builder().handler(request -> Upgrade.accept(new Echo())).start();
        Socket socket = new Socket("127.0.0.1", server.port())) {
      socket.setSoTimeout(10_000);
      InputStream in = socket.getInputStream();
      socket.getOutputStream().write(upgradeRequest(server.port()));
      readResponseHead(in);

      List<byte[]> sent = new ArrayList<>();
      ByteArrayOutputStream burst = new ByteArrayOutputStream();
      FrameWriter writer = new FrameWriter(Role.CLIENT, new Random(42));
      for (int i = 0; i < 2 * SMALL_COUNT + 1; i++) {
        byte[] payload = i == SMALL_COUNT ? pattern(LARGE, i) : pattern(1 + i % 40, i);
        sent.add(payload);
        ByteBuffer frame = writer.binary(ByteBuffer.wrap(payload));
        burst.write(frame.array(), frame.arrayOffset(), frame.remaining());
      }
      socket.getOutputStream().write(burst.toByteArray()); // one write: the server reads it in few

      Collected echoes = new Collected();
      FrameReader reader = new FrameReader(Role.CLIENT, 1 << 20, 1 << 20, echoes);
      byte[] chunk = new byte[8192];
      while (echoes.messages.size() < sent.size()) {
        int n = in.read(chunk);
        assertTrue(n > 0, "the server closed after " + echoes.messages.size() + " echoes");
        reader.read(ByteBuffer.wrap(chunk, 0, n));
      }
      for (int i = 0; i < sent.size(); i++) {
        assertArrayEquals(sent.get(i), echoes.messages.get(i), "echo " + i);
      }
      assertEquals(sent.size(), echoes.messages.size());
    }
  }

  private static byte[] pattern(int size, int seed) {
    byte[] bytes = new byte[size];
    for (int i = 0; i < size; i++) bytes[i] = (byte) (i * 31 + seed);
    return bytes;
  }

  private static byte[] upgradeRequest(int port) {
    return ("GET / HTTP/1.1\r\nHost: 127.0.0.1:" + port + "\r\nUpgrade: websocket\r\n"
            + "Connection: Upgrade\r\nSec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\n"
            + "Sec-WebSocket-Version: 13\r\n\r\n")
        .getBytes(StandardCharsets.US_ASCII);
  }

  /** Reads up to the blank line ending the 101 response, byte by byte so no frame is taken. */
  private static void readResponseHead(InputStream in) throws Exception {
    StringBuilder head = new StringBuilder();
    while (!head.toString().endsWith("\r\n\r\n")) {
      int b = in.read();
      assertTrue(b >= 0, "the server closed during the handshake: " + head);
      head.append((char) b);
    }
    assertTrue(head.toString().startsWith("HTTP/1.1 101"), head.toString());
  }

  /** Sends every message back as it came. */
  private static final class Echo implements WebSocketListener {
    @Override
    public void onMessage(WebSocket socket, MessageEvent event) {
      socket.send(event.binary());
    }
  }

  /** The binary messages the client's reader delivered, in order. */
  private static final class Collected implements FrameCallback {
    final List<byte[]> messages = new ArrayList<>();

    @Override
    public void onText(String text) {
      throw new AssertionError("the server echoed text to a binary message");
    }

    @Override
    public void onBinary(ByteBuffer data) {
      byte[] bytes = new byte[data.remaining()];
      data.get(bytes);
      messages.add(bytes);
    }

    @Override
    public void onPing(ByteBuffer payload) {}

    @Override
    public void onPong(ByteBuffer payload) {}

    @Override
    public void onClose(int code, String reason) {
      throw new AssertionError("the server closed with " + code + " " + reason);
    }
  }
}
