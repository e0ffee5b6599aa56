package io.asyncws.runtime.handshake;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;

/**
 * Writes an HTTP/1.1 head: a start line, {@code Name: value} lines and the empty line, CRLF
 * everywhere, ISO-8859-1. {@link Headers} has already refused CR and LF in names and values.
 */
final class HeadWriter {
  private final StringBuilder text = new StringBuilder(256);

  HeadWriter(String startLine) {
    text.append(startLine).append("\r\n");
  }

  HeadWriter header(String name, String value) {
    text.append(name).append(": ").append(value).append("\r\n");
    return this;
  }

  HeadWriter headers(Headers headers) {
    for (int i = 0; i < headers.size(); i++) header(headers.name(i), headers.value(i));
    return this;
  }

  /** The head, then {@code body} as UTF-8, in a buffer ready to be written. */
  ByteBuffer finish(byte[] body) {
    text.append("\r\n");
    byte[] head = text.toString().getBytes(StandardCharsets.ISO_8859_1);
    ByteBuffer out = ByteBuffer.allocate(head.length + body.length);
    out.put(head).put(body).flip();
    return out;
  }

  ByteBuffer finish() {
    return finish(new byte[0]);
  }
}
