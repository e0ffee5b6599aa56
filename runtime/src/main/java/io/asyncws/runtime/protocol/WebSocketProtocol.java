package io.asyncws.runtime.protocol;

/**
 * The numbers of RFC 6455, declared once: bit layout of the frame header, opcodes, length
 * encodings and the handshake GUID. Close codes live in {@link CloseCodes}.
 */
public final class WebSocketProtocol {
  private WebSocketProtocol() {}

  /** Appended to {@code Sec-WebSocket-Key} before hashing into {@code Sec-WebSocket-Accept} (§1.3). */
  public static final String ACCEPT_GUID = "258EAFA5-E914-47DA-95CA-C5AB0DC85B11";

  /** The only protocol version this implementation speaks (§4.1); any other gets a 426. */
  public static final String VERSION = "13";

  // Byte 0 of a frame header.
  public static final int B0_FLAG_FIN = 0b1000_0000;
  public static final int B0_FLAG_RSV1 = 0b0100_0000;
  public static final int B0_FLAG_RSV2 = 0b0010_0000;
  public static final int B0_FLAG_RSV3 = 0b0001_0000;
  public static final int B0_MASK_OPCODE = 0b0000_1111;

  // Byte 1 of a frame header.
  public static final int B1_FLAG_MASK = 0b1000_0000;
  public static final int B1_MASK_LENGTH = 0b0111_1111;

  public static final int OPCODE_CONTINUATION = 0x0;
  public static final int OPCODE_TEXT = 0x1;
  public static final int OPCODE_BINARY = 0x2;
  public static final int OPCODE_CLOSE = 0x8;
  public static final int OPCODE_PING = 0x9;
  public static final int OPCODE_PONG = 0xA;
  /** Opcodes with this bit set are control frames (§5.5). */
  public static final int OPCODE_FLAG_CONTROL = 0b0000_1000;

  /** A 7-bit length above this value means a longer length follows (§5.2). */
  public static final int PAYLOAD_BYTE_MAX = 125;
  /** This 7-bit length means a 16-bit length follows. */
  public static final int PAYLOAD_SHORT = 126;
  /** This 7-bit length means a 64-bit length follows. */
  public static final int PAYLOAD_LONG = 127;
  /** Largest length that fits the 16-bit form. */
  public static final int PAYLOAD_SHORT_MAX = 0xFFFF;

  /** Control frames carry at most 125 bytes (§5.5). */
  public static final int CONTROL_PAYLOAD_MAX = PAYLOAD_BYTE_MAX;
  /** A close reason shares the control payload with the 2-byte code (§5.5.1). */
  public static final int CLOSE_REASON_MAX = CONTROL_PAYLOAD_MAX - 2;

  /** Longest possible frame header: 2 bytes, 8-byte length, 4-byte mask key. */
  public static final int HEADER_MAX = 2 + 8 + 4;

  /** Whether {@code opcode} is a control frame opcode. */
  public static boolean isControl(int opcode) {
    return (opcode & OPCODE_FLAG_CONTROL) != 0;
  }
}
