package io.asyncws.runtime.protocol;

import java.io.ByteArrayOutputStream;

/**
 * Builds frames byte by byte for reader tests, including frames {@link FrameWriter} refuses to
 * build (reserved bits, unknown opcodes, oversized control frames). Kept deliberately naive: a
 * second, independent encoding to check the reader against.
 */
final class RawFrames {
  private RawFrames() {}

  /** The mask key test frames sent to a server carry. */
  static final byte[] KEY = {0x11, 0x22, 0x33, 0x44};

  /**
   * One frame as a peer of {@code reader} would send it: masked when the reader is a server,
   * with the shortest length encoding.
   *
   * @param b0 the first header byte: FIN, RSV and opcode
   */
  static byte[] frame(Role reader, int b0, byte[] payload) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    boolean mask = reader == Role.SERVER;
    out.write(b0);
    int maskBit = mask ? 0x80 : 0;
    int n = payload.length;
    if (n <= 125) {
      out.write(maskBit | n);
    } else if (n <= 0xFFFF) {
      out.write(maskBit | 126);
      out.write(n >>> 8);
      out.write(n);
    } else {
      out.write(maskBit | 127);
      for (int shift = 56; shift >= 0; shift -= 8) out.write((int) ((long) n >>> shift));
    }
    if (mask) out.writeBytes(KEY);
    for (int i = 0; i < n; i++) out.write(mask ? payload[i] ^ KEY[i % 4] : payload[i]);
    return out.toByteArray();
  }

  static byte[] frame(Role reader, int b0, String payloadHex) {
    return frame(reader, b0, Hex.bytes(payloadHex));
  }

  static byte[] concat(byte[]... parts) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    for (byte[] part : parts) out.writeBytes(part);
    return out.toByteArray();
  }
}
