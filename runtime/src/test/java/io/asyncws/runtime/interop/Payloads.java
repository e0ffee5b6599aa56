package io.asyncws.runtime.interop;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Deterministic message payloads, byte-identical to {@code peers/node/payload.mjs} and
 * {@code peers/python/payload.py}, so any peer can verify what another one sent. The
 * algorithm is specified in {@code peers/README.md}; change all three together.
 */
public final class Payloads {
  private Payloads() {}

  /** Prime, so a chunk duplicated or dropped at a power-of-two offset still changes the content. */
  static final int BLOCK_LENGTH = 65521;
  /** Code points in the text unit; prime for the same reason. */
  static final int TEXT_UNIT_CHARS = 1009;

  private static final byte[] BLOCK = block();

  private static byte[] block() {
    byte[] block = new byte[BLOCK_LENGTH];
    int x = 0x2545F491;
    for (int k = 0; k < BLOCK_LENGTH; k++) {
      x = x * 1664525 + 1013904223;
      block[k] = (byte) (x >>> 24);
    }
    return block;
  }

  /** Code point {@code j} of the text unit: 1-, 2-, 3- and 4-byte UTF-8 in turn, so frame cuts land inside characters. */
  private static int codePoint(int j) {
    return switch (j % 4) {
      case 0 -> 0x21 + j % 94;
      case 1 -> 0xA1 + j % 94;
      case 2 -> 0x4E00 + j;
      default -> 0x1F300 + j % 0x300;
    };
  }

  /** Binary payload number {@code seed} of exactly {@code size} bytes. */
  public static byte[] binary(int seed, int size) {
    byte[] out = new byte[size];
    int from = seed % BLOCK_LENGTH;
    for (int i = 0; i < size; ) {
      int n = Math.min(BLOCK_LENGTH - from, size - i);
      System.arraycopy(BLOCK, from, out, i, n);
      i += n;
      from = 0;
    }
    return out;
  }

  /** Text payload number {@code seed}: valid UTF-8 of exactly {@code size} bytes. */
  public static byte[] text(int seed, int size) {
    int r = seed % TEXT_UNIT_CHARS;
    StringBuilder rotated = new StringBuilder();
    for (int j = 0; j < TEXT_UNIT_CHARS; j++) {
      rotated.appendCodePoint(codePoint((r + j) % TEXT_UNIT_CHARS));
    }
    byte[] unit = rotated.toString().getBytes(StandardCharsets.UTF_8);
    byte[] out = new byte[size];
    int i = 0;
    for (; i + unit.length <= size; i += unit.length) {
      System.arraycopy(unit, 0, out, i, unit.length);
    }
    // The tail: leading whole characters of the unit while they fit, then '.' padding.
    int taken = 0;
    while (taken < unit.length && utf8Length(unit[taken]) <= size - i - taken) {
      taken += utf8Length(unit[taken]);
    }
    System.arraycopy(unit, 0, out, i, taken);
    Arrays.fill(out, i + taken, size, (byte) '.');
    return out;
  }

  private static int utf8Length(byte lead) {
    int b = lead & 0xFF;
    return b < 0x80 ? 1 : b < 0xE0 ? 2 : b < 0xF0 ? 3 : 4;
  }

  /**
   * Cuts a payload into the pieces of a fragmented message: at most {@code maxBytes} each,
   * at exact offsets for binary, between characters for text (Java text APIs send whole
   * characters; a character longer than {@code maxBytes} becomes its own piece). An empty
   * final piece is added when there would be a single one, so the message always goes out
   * as at least two frames.
   */
  public static List<byte[]> fragments(byte[] payload, boolean binary, int maxBytes) {
    if (maxBytes <= 0) {
      throw new IllegalArgumentException("Fragment size must be positive, was " + maxBytes + ".");
    }
    List<byte[]> pieces = new ArrayList<>();
    for (int i = 0; i < payload.length; ) {
      int end = Math.min(i + maxBytes, payload.length);
      if (!binary) {
        while (end < payload.length && end > i && isContinuation(payload[end])) {
          end--;
        }
        if (end == i) {
          end = i + utf8Length(payload[i]);
        }
      }
      pieces.add(Arrays.copyOfRange(payload, i, end));
      i = end;
    }
    while (pieces.size() < 2) {
      pieces.add(new byte[0]);
    }
    return pieces;
  }

  private static boolean isContinuation(byte b) {
    return (b & 0xC0) == 0x80;
  }

  /** Concatenates pieces, for tests of {@link #fragments}. */
  static byte[] join(List<byte[]> pieces) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    pieces.forEach(out::writeBytes);
    return out.toByteArray();
  }
}
