package io.asyncws.runtime.protocol;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;

/**
 * The client-to-server mask of RFC 6455 §5.3: byte {@code i} of a payload is XORed with byte
 * {@code i % 4} of the 4-byte mask key. Masking and unmasking are the same operation, so the
 * reader and the writer share this one routine.
 *
 * <p>Stateless and thread-safe.
 */
public final class Masking {
  private Masking() {}

  /**
   * XORs the bytes {@code buffer[from, to)} in place with the mask; does not move the buffer's
   * position or limit.
   *
   * @param maskKey the 4 mask key bytes as sent on the wire, big-endian (first key byte in the
   *     top 8 bits)
   * @param maskOffset the index (0-3) of the key byte that applies to {@code buffer[from]}: how
   *     many payload bytes, modulo 4, came before {@code from}; this is what lets a payload be
   *     unmasked piece by piece across partial reads
   * @return the mask offset for the byte after {@code to}
   */
  public static int apply(ByteBuffer buffer, int from, int to, int maskKey, int maskOffset) {
    // Rotate so that the key byte for buffer[from] is the top byte; the key then repeats every
    // 4 bytes from `from` on, and a long holds it twice, which lets us XOR 8 bytes at a time.
    int key = Integer.rotateLeft(maskKey, 8 * maskOffset);
    long keyTwice = ((long) key << 32) | (key & 0xFFFF_FFFFL);
    // getLong reads in the buffer's byte order; the key's bytes must follow the same order.
    long longKey = buffer.order() == ByteOrder.BIG_ENDIAN ? keyTwice : Long.reverseBytes(keyTwice);
    int i = from;
    for (int end8 = to - 7; i < end8; i += 8) {
      buffer.putLong(i, buffer.getLong(i) ^ longKey);
    }
    for (int shift = 24; i < to; i++, shift = (shift - 8) & 31) {
      buffer.put(i, (byte) (buffer.get(i) ^ (key >>> shift)));
    }
    return (maskOffset + (to - from)) & 3;
  }
}
