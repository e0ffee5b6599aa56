package io.asyncws.runtime.deflate;

import java.nio.ByteBuffer;
import java.util.Arrays;
import java.util.zip.Deflater;

/**
 * Compresses whole messages as raw DEFLATE ended by a sync flush, with the flush's {@code 00 00
 * ff ff} removed (RFC 7692 §7.2.1).
 *
 * <p>Not thread-safe: the session calls it under its send lock.
 */
final class DeflateCompressor {
  /** Every sync flush ends with an empty stored block: these bytes, stripped before sending. */
  private static final int TAIL_LENGTH = 4;

  private final Deflater deflater = new Deflater(Deflater.DEFAULT_COMPRESSION, true);
  private final boolean resetAfterMessage;

  DeflateCompressor(boolean resetAfterMessage) {
    this.resetAfterMessage = resetAfterMessage;
  }

  /** The compressed form of {@code payload}'s remaining bytes; {@code payload} is untouched. */
  ByteBuffer compress(ByteBuffer payload) {
    deflater.setInput(payload.duplicate());
    byte[] out = new byte[Math.max(64, payload.remaining() / 2 + 64)];
    int length = 0;
    while (true) {
      length += deflater.deflate(out, length, out.length - length, Deflater.SYNC_FLUSH);
      // With room left over, the flush is complete (Deflater#deflate's contract for SYNC_FLUSH).
      if (length < out.length) break;
      out = Arrays.copyOf(out, out.length * 2);
    }
    if (resetAfterMessage) deflater.reset();
    // zlib flushes nothing when it was given nothing: the RFC's empty message is one 00 byte
    // (§7.2.3.6), an empty stored block once the receiver appends 00 00 ff ff.
    if (length == 0) return ByteBuffer.wrap(new byte[] {0x00});
    if (length < TAIL_LENGTH || !endsWithTail(out, length)) {
      throw new IllegalStateException("The sync flush did not end with 00 00 ff ff.");
    }
    return ByteBuffer.wrap(out, 0, length - TAIL_LENGTH).slice();
  }

  private static boolean endsWithTail(byte[] out, int length) {
    return out[length - 4] == 0 && out[length - 3] == 0 && out[length - 2] == (byte) 0xFF
        && out[length - 1] == (byte) 0xFF;
  }

  /** Releases zlib's native memory; the compressor is unusable afterwards. */
  void end() {
    deflater.end();
  }
}
