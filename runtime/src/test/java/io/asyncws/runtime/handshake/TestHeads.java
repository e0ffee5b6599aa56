package io.asyncws.runtime.handshake;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.HexFormat;

/** Builds and reads HTTP heads for the handshake tests. */
final class TestHeads {
  private TestHeads() {}

  /** The lines joined by CRLF, followed by the empty line that ends a head. */
  static String head(String... lines) {
    return String.join("\r\n", lines) + "\r\n\r\n";
  }

  static ByteBuffer latin1(String text) {
    return ByteBuffer.wrap(text.getBytes(StandardCharsets.ISO_8859_1));
  }

  static String text(ByteBuffer buffer) {
    byte[] bytes = new byte[buffer.remaining()];
    buffer.duplicate().get(bytes);
    return new String(bytes, StandardCharsets.ISO_8859_1);
  }

  static String hex(ByteBuffer buffer) {
    byte[] bytes = new byte[buffer.remaining()];
    buffer.duplicate().get(bytes);
    return HexFormat.of().formatHex(bytes);
  }

  /** Decodes a whole request head, insisting that nothing is left over. */
  static HttpHead.Request request(String... lines) throws HandshakeException {
    ByteBuffer in = latin1(head(lines));
    HttpHead.Request request = HttpHeadDecoder.forRequests(16384, 100).feed(in);
    if (request == null || in.hasRemaining()) throw new AssertionError("head not decoded exactly");
    return request;
  }

  /** Decodes a whole response head, insisting that nothing is left over. */
  static HttpHead.Response response(String... lines) throws HandshakeException {
    ByteBuffer in = latin1(head(lines));
    HttpHead.Response response = HttpHeadDecoder.forResponses(16384, 100).feed(in);
    if (response == null || in.hasRemaining()) throw new AssertionError("head not decoded exactly");
    return response;
  }
}
