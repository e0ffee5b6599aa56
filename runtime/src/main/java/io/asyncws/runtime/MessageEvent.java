package io.asyncws.runtime;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Objects;

/**
 * A whole message received, as the browser's {@code MessageEvent} carries it: either text or
 * binary. Immutable apart from the binary buffer, which belongs to the receiver.
 */
public final class MessageEvent {
  private final String text;
  private final ByteBuffer binary;

  private MessageEvent(String text, ByteBuffer binary) {
    this.text = text;
    this.binary = binary;
  }

  /** A text message. */
  public static MessageEvent text(String text) {
    return new MessageEvent(Objects.requireNonNull(text, "text"), null);
  }

  /** A binary message; the buffer is handed over, not copied. */
  public static MessageEvent binary(ByteBuffer data) {
    return new MessageEvent(null, Objects.requireNonNull(data, "data"));
  }

  /** Whether this is a text message. */
  public boolean isText() {
    return text != null;
  }

  /** The message as the browser's {@code data}: a {@link String} or a {@link ByteBuffer}. */
  public Object data() {
    return isText() ? text : binary;
  }

  /**
   * The text of a text message.
   *
   * @throws IllegalStateException if this is a binary message
   */
  public String text() {
    if (text == null) throw new IllegalStateException("binary message has no text");
    return text;
  }

  /**
   * The bytes of a binary message, positioned at the first byte.
   *
   * @throws IllegalStateException if this is a text message
   */
  public ByteBuffer binary() {
    if (binary == null) throw new IllegalStateException("text message has no binary data");
    return binary;
  }

  /** The bytes of the message: a copy of the binary data, or the text encoded as UTF-8. */
  public byte[] bytes() {
    if (text != null) return text.getBytes(StandardCharsets.UTF_8);
    ByteBuffer copy = binary.duplicate();
    byte[] bytes = new byte[copy.remaining()];
    copy.get(bytes);
    return bytes;
  }

  @Override
  public String toString() {
    return isText()
        ? "MessageEvent[text, " + text.length() + " chars]"
        : "MessageEvent[binary, " + binary.remaining() + " bytes]";
  }
}
