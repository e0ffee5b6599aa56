package io.asyncws.runtime.protocol;

import java.nio.ByteBuffer;

/**
 * What {@link FrameReader} found: one call per whole data message or control frame.
 *
 * <p>Called on the thread that calls {@link FrameReader#read}. Buffers handed over belong to the
 * callee.
 */
public interface FrameCallback {
  /** A whole text message, already validated as UTF-8. */
  void onText(String text);

  /** A whole binary message, positioned at its first byte. */
  void onBinary(ByteBuffer data);

  /** A Ping frame; its payload is at most 125 bytes. */
  void onPing(ByteBuffer payload);

  /** A Pong frame; its payload is at most 125 bytes. */
  void onPong(ByteBuffer payload);

  /**
   * A Close frame, validated: {@code code} is valid on the wire or {@link
   * CloseCodes#NO_STATUS_RECEIVED} when the frame carried no payload; {@code reason} is valid
   * UTF-8, empty when absent.
   */
  void onClose(int code, String reason);
}
