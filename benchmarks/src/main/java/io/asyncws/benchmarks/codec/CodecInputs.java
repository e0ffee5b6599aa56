package io.asyncws.benchmarks.codec;

import io.asyncws.runtime.protocol.FrameCallback;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Random;

/**
 * The inputs every codec benchmark shares, so ours and Netty's work on identical bytes, and the
 * callback that keeps what our reader delivers.
 */
final class CodecInputs {
  /** The mask key of every masked frame, fixed so both codecs produce the same bytes. */
  static final int MASK_KEY = 0x37FA213D;
  /** Room for the largest payload (1 MiB) plus change: both codecs get the same limit. */
  static final int MAX_PAYLOAD = (1 << 20) + 1024;

  private CodecInputs() {}

  /** {@code size} bytes covering every byte value, so masking and copies see no shortcuts. */
  static byte[] binaryPayload(int size) {
    byte[] bytes = new byte[size];
    for (int i = 0; i < size; i++) bytes[i] = (byte) (i * 31 + 7);
    return bytes;
  }

  /**
   * {@code size} bytes of UTF-8 text: plain ASCII, or a mix of 1-, 2-, 3- and 4-byte sequences
   * (the slow path of every validator), cut at a character boundary and padded with ASCII.
   */
  static byte[] utf8Text(int size, boolean ascii) {
    String unit = ascii ? "The quick brown fox jumps over the lazy dog. " : "a\u00e9\u20ac\uD83D\uDE00z\u00fc\u4e2d ";
    byte[] unitBytes = unit.getBytes(StandardCharsets.UTF_8);
    byte[] out = new byte[size];
    int i = 0;
    while (i + unitBytes.length <= size) {
      System.arraycopy(unitBytes, 0, out, i, unitBytes.length);
      i += unitBytes.length;
    }
    while (i < size) out[i++] = 'x';
    return out;
  }

  /**
   * {@code size} bytes of JSON as a market-data feed sends it: an array of small objects whose
   * keys repeat and whose values vary (from a fixed seed), cut to {@code size} and padded with
   * spaces. Compresses as real messages do, neither as well as repeated text nor as badly as noise.
   */
  static byte[] jsonText(int size) {
    Random values = new Random(size);
    StringBuilder json = new StringBuilder(size + 128).append('[');
    String[] symbols = {"ACME", "GLOBX", "INITECH", "UMBRL", "HOOLI", "VANDL"};
    while (json.length() < size) {
      json.append(String.format(
          java.util.Locale.ROOT,
          "{\"symbol\":\"%s\",\"bid\":%.2f,\"ask\":%.2f,\"size\":%d,\"ts\":%d},",
          symbols[values.nextInt(symbols.length)],
          100 + values.nextDouble() * 50,
          100 + values.nextDouble() * 50,
          values.nextInt(10_000),
          1_700_000_000_000L + values.nextInt(1_000_000)));
    }
    byte[] out = new byte[size];
    byte[] built = json.toString().getBytes(StandardCharsets.US_ASCII);
    System.arraycopy(built, 0, out, 0, Math.min(size, built.length));
    return out;
  }

  /** Gives our writer {@link #MASK_KEY} every time, as Netty's encoder is given it. */
  static final class FixedMaskKey extends Random {
    private static final long serialVersionUID = 1L;

    @Override
    public int nextInt() {
      return MASK_KEY;
    }
  }

  /** Keeps the last binary message our reader delivered; other frames are not expected. */
  static final class LastBinary implements FrameCallback {
    ByteBuffer last;

    @Override
    public void onText(String text) {
      throw new IllegalStateException("The benchmark sends binary frames only.");
    }

    @Override
    public void onBinary(ByteBuffer data) {
      last = data;
    }

    @Override
    public void onPing(ByteBuffer payload) {
      throw new IllegalStateException("The benchmark sends no Ping.");
    }

    @Override
    public void onPong(ByteBuffer payload) {
      throw new IllegalStateException("The benchmark sends no Pong.");
    }

    @Override
    public void onClose(int code, String reason) {
      throw new IllegalStateException("The benchmark sends no Close.");
    }
  }
}
