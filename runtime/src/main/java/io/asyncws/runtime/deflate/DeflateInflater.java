package io.asyncws.runtime.deflate;

import io.asyncws.runtime.protocol.CloseCodes;
import io.asyncws.runtime.protocol.MessageInflater;
import io.asyncws.runtime.protocol.ProtocolException;
import java.util.zip.DataFormatException;
import java.util.zip.Inflater;

/**
 * Decompresses permessage-deflate messages through a fixed 8 KiB chunk: however much a message
 * inflates to, this class holds no more than the chunk, and the {@link MessageInflater.Sink}
 * (the frame reader, with its message limit) sees the output as it is produced — a
 * decompression bomb is refused with 1009 once the limit is passed, before memory is taken.
 *
 * <p>One thread at a time: the one that reads the socket.
 */
final class DeflateInflater implements MessageInflater {
  /** What the sender stripped from the end of every message (RFC 7692 §7.2.2). */
  private static final byte[] TAIL = {0x00, 0x00, (byte) 0xFF, (byte) 0xFF};
  /** 8 KiB: the most this class holds of a message's output at once. */
  private static final int CHUNK = 8 << 10;

  private final Inflater inflater = new Inflater(true);
  private final byte[] chunk = new byte[CHUNK];
  private final boolean resetAfterMessage;

  /**
   * @param resetAfterMessage the peer declared no context takeover: forgetting its window after
   *     each message costs nothing, since the peer will not refer to it
   */
  DeflateInflater(boolean resetAfterMessage) {
    this.resetAfterMessage = resetAfterMessage;
  }

  @Override
  public void inflate(byte[] compressed, int offset, int length, Sink out)
      throws ProtocolException {
    if (inflater.finished()) {
      if (length == 0) return;
      throw new ProtocolException(
          CloseCodes.INVALID_PAYLOAD, "Compressed data continues after the final DEFLATE block.");
    }
    inflater.setInput(compressed, offset, length);
    drain(out);
    if (inflater.finished() && inflater.getRemaining() > 0) {
      throw new ProtocolException(
          CloseCodes.INVALID_PAYLOAD, "Compressed data continues after the final DEFLATE block.");
    }
  }

  @Override
  public void endMessage(Sink out) throws ProtocolException {
    if (!inflater.finished()) {
      inflater.setInput(TAIL);
      drain(out);
    }
    // A sender that ended its stream with a final block starts a new one next message.
    if (resetAfterMessage || inflater.finished()) inflater.reset();
  }

  /** Inflates until all input is consumed and no output is pending. */
  private void drain(Sink out) throws ProtocolException {
    while (true) {
      int n;
      try {
        n = inflater.inflate(chunk);
      } catch (DataFormatException e) {
        throw new ProtocolException(
            CloseCodes.INVALID_PAYLOAD, "The compressed message is not valid DEFLATE data: "
                + e.getMessage() + ".");
      }
      if (n > 0) out.write(chunk, 0, n);
      if (inflater.finished()) return;
      // A full chunk may leave output pending inside zlib even when all input is taken.
      if (n < chunk.length && inflater.needsInput()) return;
      if (n == 0) {
        throw new ProtocolException(
            CloseCodes.INVALID_PAYLOAD, "The compressed message could not be decompressed.");
      }
    }
  }

  /** Releases zlib's native memory; the inflater is unusable afterwards. */
  void end() {
    inflater.end();
  }
}
