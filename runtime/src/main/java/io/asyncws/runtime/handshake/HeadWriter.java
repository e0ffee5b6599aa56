package io.asyncws.runtime.handshake;

import java.nio.ByteBuffer;
import java.util.Arrays;

/**
 * Writes an HTTP/1.1 head: a start line, {@code Name: value} lines and the empty line, CRLF
 * everywhere, ISO-8859-1. {@link Headers} has already refused CR and LF in names and values, and
 * characters above U+00FF.
 *
 * <p>Characters go straight into one byte array, which becomes the written buffer: one
 * allocation per handshake response instead of a builder, a string and two copies of its bytes.
 */
final class HeadWriter {
  /** A guess for heads whose size is not worth computing; the array grows if it was short. */
  static final int USUAL_CAPACITY = 256;

  private byte[] bytes;
  private int length;

  /**
   * @param capacity bytes expected in all: exact ({@link #frameLength}, {@link #lineLength}) for
   *     the 101 that every connection gets, {@link #USUAL_CAPACITY} elsewhere
   */
  HeadWriter(String startLine, int capacity) {
    bytes = new byte[Math.max(capacity, startLine.length() + 2)];
    append(startLine).crlf();
  }

  /** Bytes the start line and the final empty line take. */
  static int frameLength(String startLine) {
    return startLine.length() + 2 + 2;
  }

  /** Bytes {@code name: value} takes with its CRLF. */
  static int lineLength(String name, int valueLength) {
    return name.length() + 2 + valueLength + 2;
  }

  HeadWriter header(String name, String value) {
    append(name).append(": ").append(value).crlf();
    return this;
  }

  /** A field whose value is already ASCII bytes. */
  HeadWriter header(String name, byte[] value) {
    append(name).append(": ");
    ensure(value.length);
    System.arraycopy(value, 0, bytes, length, value.length);
    length += value.length;
    crlf();
    return this;
  }

  HeadWriter headers(Headers headers) {
    for (int i = 0; i < headers.size(); i++) header(headers.name(i), headers.value(i));
    return this;
  }

  /** The head, then {@code body}, in a buffer ready to be written. */
  ByteBuffer finish(byte[] body) {
    crlf();
    ensure(body.length);
    System.arraycopy(body, 0, bytes, length, body.length);
    return ByteBuffer.wrap(bytes, 0, length + body.length);
  }

  ByteBuffer finish() {
    crlf();
    return ByteBuffer.wrap(bytes, 0, length);
  }

  private HeadWriter append(String text) {
    ensure(text.length());
    for (int i = 0; i < text.length(); i++) bytes[length++] = (byte) text.charAt(i);
    return this;
  }

  private void crlf() {
    ensure(2);
    bytes[length++] = '\r';
    bytes[length++] = '\n';
  }

  private void ensure(int more) {
    if (length + more > bytes.length) {
      bytes = Arrays.copyOf(bytes, Math.max(bytes.length * 2, length + more));
    }
  }
}
