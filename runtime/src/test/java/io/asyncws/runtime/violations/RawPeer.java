package io.asyncws.runtime.violations;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.HexFormat;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A hand-driven peer on a plain blocking socket: it does the opening handshake by the book and
 * then writes whatever bytes a test wants, broken frames included, and reads back raw frames.
 */
final class RawPeer implements AutoCloseable {
  private static final Pattern KEY = Pattern.compile("(?im)^Sec-WebSocket-Key:\\s*(\\S+)\\s*$");
  private final Socket socket;
  private final InputStream in;

  private RawPeer(Socket socket) throws IOException {
    this.socket = socket;
    socket.setSoTimeout(5_000);
    this.in = socket.getInputStream();
  }

  /** Connects to a server and completes the opening handshake as a client. */
  static RawPeer connectTo(int port) throws IOException {
    RawPeer peer = new RawPeer(new Socket("127.0.0.1", port));
    peer.write(
        ("GET / HTTP/1.1\r\nHost: 127.0.0.1:" + port + "\r\nUpgrade: websocket\r\n"
                + "Connection: Upgrade\r\nSec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\n"
                + "Sec-WebSocket-Version: 13\r\n\r\n")
            .getBytes(StandardCharsets.US_ASCII));
    String response = peer.readHead();
    if (!response.startsWith("HTTP/1.1 101")) throw new IOException("not upgraded: " + response);
    return peer;
  }

  /** Accepts one client on {@code server} and completes the opening handshake as a server. */
  static RawPeer acceptFrom(ServerSocket server) throws IOException {
    server.setSoTimeout(5_000);
    RawPeer peer = new RawPeer(server.accept());
    String request = peer.readHead();
    Matcher key = KEY.matcher(request);
    if (!key.find()) throw new IOException("no key in " + request);
    peer.write(
        ("HTTP/1.1 101 Switching Protocols\r\nUpgrade: websocket\r\nConnection: Upgrade\r\n"
                + "Sec-WebSocket-Accept: " + accept(key.group(1)) + "\r\n\r\n")
            .getBytes(StandardCharsets.US_ASCII));
    return peer;
  }

  static String accept(String key) {
    try {
      byte[] sha1 =
          MessageDigest.getInstance("SHA-1")
              .digest((key + "258EAFA5-E914-47DA-95CA-C5AB0DC85B11").getBytes(StandardCharsets.US_ASCII));
      return Base64.getEncoder().encodeToString(sha1);
    } catch (NoSuchAlgorithmException e) {
      throw new AssertionError(e);
    }
  }

  void write(byte[] bytes) throws IOException {
    socket.getOutputStream().write(bytes);
    socket.getOutputStream().flush();
  }

  void writeHex(String hex) throws IOException {
    write(HexFormat.of().parseHex(hex));
  }

  /** Reads one frame and returns it as {opcode, payload...}; unmasks a masked frame. */
  byte[] readFrame() throws IOException {
    int b0 = readByte();
    int b1 = readByte();
    long length = b1 & 0x7f;
    if (length == 126) length = (readByte() << 8) | readByte();
    if (length == 127) {
      length = 0;
      for (int i = 0; i < 8; i++) length = (length << 8) | readByte();
    }
    byte[] mask = new byte[4];
    boolean masked = (b1 & 0x80) != 0;
    if (masked) in.readNBytes(mask, 0, 4);
    byte[] frame = new byte[(int) length + 1];
    frame[0] = (byte) (b0 & 0x0f);
    in.readNBytes(frame, 1, (int) length);
    if (masked) for (int i = 0; i < length; i++) frame[i + 1] ^= mask[i % 4];
    return frame;
  }

  /** The close code of the next frame, which must be a Close frame with a code. */
  int readCloseCode() throws IOException {
    byte[] frame = readFrame();
    if (frame[0] != 0x8) throw new IOException("expected Close, got opcode " + frame[0]);
    return ((frame[1] & 0xff) << 8) | (frame[2] & 0xff);
  }

  /** Whether the other side closes TCP within the read timeout. */
  boolean closedByPeer() throws IOException {
    try {
      return in.read() == -1;
    } catch (SocketTimeoutException e) {
      return false;
    } catch (IOException e) {
      return true; // a reset is a close too
    }
  }

  private int readByte() throws IOException {
    int b = in.read();
    if (b < 0) throw new IOException("end of stream");
    return b;
  }

  private String readHead() throws IOException {
    ByteArrayOutputStream head = new ByteArrayOutputStream();
    while (!head.toString(StandardCharsets.ISO_8859_1).endsWith("\r\n\r\n")) {
      if (head.size() > 16_384) throw new IOException("head too large");
      head.write(readByte());
    }
    return head.toString(StandardCharsets.ISO_8859_1);
  }

  @Override
  public void close() throws IOException {
    socket.close();
  }
}
