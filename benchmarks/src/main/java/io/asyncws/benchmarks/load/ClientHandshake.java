package io.asyncws.benchmarks.load;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.Locale;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Opens a TCP connection and performs the RFC 6455 opening handshake as a client, blocking with a
 * timeout. Written for the load program alone so that it measures every server with the same
 * client, and none with our runtime's.
 */
public final class ClientHandshake {
  /** RFC 6455 §1.3: appended to the key before hashing. */
  private static final String ACCEPT_GUID = "258EAFA5-E914-47DA-95CA-C5AB0DC85B11";
  /** A response head larger than this is not a WebSocket upgrade response. */
  private static final int HEAD_MAX = 8192;

  private ClientHandshake() {}

  /**
   * An upgraded connection, still in blocking mode, and the bytes that arrived after the
   * response head (usually none).
   */
  public record Upgraded(SocketChannel channel, ByteBuffer leftover) {}

  /** Connects and upgrades; throws with a sentence saying what the server answered otherwise. */
  public static Upgraded open(InetSocketAddress server, String path, int timeoutMillis) throws IOException {
    SocketChannel channel = SocketChannel.open();
    try {
      channel.socket().connect(server, timeoutMillis);
      channel.socket().setTcpNoDelay(true);
      channel.socket().setSoTimeout(timeoutMillis);
      byte[] nonce = new byte[16];
      ThreadLocalRandom.current().nextBytes(nonce);
      String key = Base64.getEncoder().encodeToString(nonce);
      String request =
          "GET " + path + " HTTP/1.1\r\n"
              + "Host: " + server.getHostString() + ":" + server.getPort() + "\r\n"
              + "Upgrade: websocket\r\n"
              + "Connection: Upgrade\r\n"
              + "Sec-WebSocket-Key: " + key + "\r\n"
              + "Sec-WebSocket-Version: 13\r\n\r\n";
      ByteBuffer out = ByteBuffer.wrap(request.getBytes(StandardCharsets.US_ASCII));
      while (out.hasRemaining()) channel.write(out);
      return new Upgraded(channel, readResponse(channel, key));
    } catch (IOException | RuntimeException e) {
      channel.close();
      throw e;
    }
  }

  private static ByteBuffer readResponse(SocketChannel channel, String key) throws IOException {
    InputStream in = channel.socket().getInputStream(); // honours the read timeout
    byte[] head = new byte[HEAD_MAX];
    int length = 0;
    int end;
    while ((end = headEnd(head, length)) < 0) {
      if (length == HEAD_MAX) throw new IOException("The upgrade response head exceeds " + HEAD_MAX + " bytes.");
      int n = in.read(head, length, HEAD_MAX - length);
      if (n < 0) throw new IOException("The server closed the connection during the handshake.");
      length += n;
    }
    String text = new String(head, 0, end, StandardCharsets.ISO_8859_1);
    String[] lines = text.split("\r\n");
    if (!lines[0].startsWith("HTTP/1.1 101")) {
      throw new IOException("The server refused the upgrade: " + lines[0]);
    }
    String expected = acceptFor(key);
    boolean accepted = false;
    for (int i = 1; i < lines.length; i++) {
      int colon = lines[i].indexOf(':');
      if (colon < 0) continue;
      String name = lines[i].substring(0, colon).trim().toLowerCase(Locale.ROOT);
      if (name.equals("sec-websocket-accept")) {
        accepted = lines[i].substring(colon + 1).trim().equals(expected);
      }
    }
    if (!accepted) throw new IOException("The server's Sec-WebSocket-Accept is missing or wrong.");
    return ByteBuffer.wrap(head, end, length - end).slice();
  }

  /** The index after the blank line ending the head, or -1 if it has not arrived yet. */
  private static int headEnd(byte[] head, int length) {
    for (int i = 3; i < length; i++) {
      if (head[i] == '\n' && head[i - 1] == '\r' && head[i - 2] == '\n' && head[i - 3] == '\r') {
        return i + 1;
      }
    }
    return -1;
  }

  private static String acceptFor(String key) {
    try {
      MessageDigest sha1 = MessageDigest.getInstance("SHA-1");
      byte[] digest = sha1.digest((key + ACCEPT_GUID).getBytes(StandardCharsets.US_ASCII));
      return Base64.getEncoder().encodeToString(digest);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("Every JDK has SHA-1.", e);
    }
  }
}
