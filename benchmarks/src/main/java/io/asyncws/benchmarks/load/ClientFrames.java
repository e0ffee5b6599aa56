package io.asyncws.benchmarks.load;

import java.nio.ByteBuffer;
import java.util.SplittableRandom;

/**
 * Writes client frames (always masked, RFC 6455 §5.3) for the load program, which keeps its own
 * frame code so that no server is measured with our runtime's client.
 */
public final class ClientFrames {
  public static final int OPCODE_CONTINUATION = 0x0;
  public static final int OPCODE_TEXT = 0x1;
  public static final int OPCODE_BINARY = 0x2;
  public static final int OPCODE_CLOSE = 0x8;
  public static final int OPCODE_PING = 0x9;
  public static final int OPCODE_PONG = 0xA;
  /** Largest header: 2 bytes, an 8-byte length, a 4-byte mask key. */
  public static final int HEADER_MAX = 14;

  private ClientFrames() {}

  /** The next mask key from {@code keys} that {@link #append} accepts: any but 0. */
  public static int maskKey(SplittableRandom keys) {
    int k;
    do {
      k = keys.nextInt();
    } while (k == 0);
    return k;
  }

  /**
   * Appends one final, masked frame of {@code payload[from, from+length)} to {@code out}.
   * {@code maskKey} must not be 0: some servers skip unmasking for a zero key, which would
   * flatter them.
   */
  public static void append(ByteBuffer out, int opcode, byte[] payload, int from, int length, int maskKey) {
    out.put((byte) (0x80 | opcode));
    if (length <= 125) {
      out.put((byte) (0x80 | length));
    } else if (length <= 0xFFFF) {
      out.put((byte) (0x80 | 126));
      out.putShort((short) length);
    } else {
      out.put((byte) (0x80 | 127));
      out.putLong(length);
    }
    out.putInt(maskKey);
    int start = out.position();
    out.put(payload, from, length);
    long keyTwice = ((long) maskKey << 32) | (maskKey & 0xFFFF_FFFFL);
    int i = start;
    int end = start + length;
    for (; i + 8 <= end; i += 8) out.putLong(i, out.getLong(i) ^ keyTwice); // big-endian, as the key
    for (int k = 0; i < end; i++, k++) out.put(i, (byte) (out.get(i) ^ (maskKey >>> (24 - 8 * (k & 3)))));
  }
}
