package io.asyncws.runtime.protocol;

import static io.asyncws.runtime.protocol.WebSocketProtocol.OPCODE_BINARY;
import static io.asyncws.runtime.protocol.WebSocketProtocol.OPCODE_CONTINUATION;
import static io.asyncws.runtime.protocol.WebSocketProtocol.OPCODE_PING;
import static io.asyncws.runtime.protocol.WebSocketProtocol.OPCODE_TEXT;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.ByteBuffer;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(value = 30, unit = TimeUnit.SECONDS)
class FrameWriterTest {
  private static final int RFC_KEY = 0x37fa213d; // the mask key of RFC 6455 §5.7

  private final FrameWriter server = new FrameWriter(Role.SERVER, null);
  private final FrameWriter client = new FrameWriter(Role.CLIENT, new FixedRandom(RFC_KEY));

  // RFC 6455 §5.7 examples, byte for byte.

  @Test
  void serverWritesUnmaskedTextHello() {
    assertFrame("81 05 48656c6c6f", server.text("Hello"));
  }

  @Test
  void clientWritesMaskedTextHello() {
    assertFrame("81 85 37fa213d 7f9f4d5158", client.text("Hello"));
  }

  @Test
  void serverWritesFragmentedTextHello() {
    assertFrame("01 03 48656c", server.frame(OPCODE_TEXT, false, ascii("Hel")));
    assertFrame("80 02 6c6f", server.frame(OPCODE_CONTINUATION, true, ascii("lo")));
  }

  @Test
  void serverWritesUnmaskedPingHello() {
    assertFrame("89 05 48656c6c6f", server.ping(ascii("Hello")));
  }

  @Test
  void clientWritesMaskedPongHello() {
    assertFrame("8a 85 37fa213d 7f9f4d5158", client.pong(ascii("Hello")));
  }

  @Test
  void serverWrites256ByteBinaryWith16BitLength() {
    byte[] payload = FrameReaderTest.pattern(256);
    ByteBuffer frame = server.binary(ByteBuffer.wrap(payload));
    assertEquals("827e0100", Hex.of(frame.slice(0, 4))); // §5.7: 256 bytes
    assertEquals(Hex.of(payload), Hex.of(frame.slice(4, 256)));
    assertEquals(4 + 256, frame.remaining());
  }

  @Test
  void serverWrites64KiBBinaryWith64BitLength() {
    byte[] payload = FrameReaderTest.pattern(65536);
    ByteBuffer frame = server.binary(ByteBuffer.wrap(payload));
    assertEquals("827f0000000000010000", Hex.of(frame.slice(0, 10))); // §5.7: 64 KiB
    assertEquals(Hex.of(payload), Hex.of(frame.slice(10, 65536)));
    assertEquals(10 + 65536, frame.remaining());
  }

  @Test
  void clientDrawsAFreshMaskKeyPerFrameFromSeededRandom() {
    FrameWriter seeded = new FrameWriter(Role.CLIENT, new Random(42));
    // new Random(42).nextInt() gives ba419d35, then 0dfe8af7.
    assertFrame("81 82 ba419d35 f228", seeded.text("Hi")); // 48^ba, 69^41
    assertFrame("82 83 0dfe8af7 0cfc89", seeded.binary(Hex.buffer("010203"))); // 01^0d ...
  }

  // Lengths.

  @Test
  void serverPicksTheShortestLengthEncoding() {
    assertHeader("8200", 0);
    assertHeader("827d", 125);
    assertHeader("827e007e", 126);
    assertHeader("827effff", 65535);
    assertHeader("827f0000000000010000", 65536);
  }

  private void assertHeader(String header, int length) {
    ByteBuffer frame = server.binary(ByteBuffer.allocate(length));
    int headerLength = header.length() / 2;
    assertEquals(header, Hex.of(frame.slice(0, headerLength)), "length " + length);
    assertEquals(headerLength + length, frame.remaining());
  }

  @Test
  void clientPutsMaskBitAndKeyAfterExtendedLength() {
    ByteBuffer frame = client.binary(ByteBuffer.allocate(126)); // zeros: masked, they show the key
    assertEquals("82fe007e37fa213d", Hex.of(frame.slice(0, 8)));
    assertEquals("37fa213d37fa213d", Hex.of(frame.slice(8, 8)));
    assertEquals(8 + 126, frame.remaining());
  }

  // Close frames.

  @Test
  void serverWritesCloseFrames() {
    assertFrame("88 02 03e8", server.close(1000, "")); // normal closure, no reason
    assertFrame("88 04 03e9 4f4b", server.close(1001, "OK"));
    assertFrame("88 00", server.close(CloseCodes.NO_STATUS_RECEIVED, "")); // no status: empty
    assertFrame("88 04 0fa0 c3a9", server.close(4000, "\u00e9")); // reason in UTF-8
  }

  @Test
  void serverRejectsCloseFramesThatMayNotBeSent() {
    assertThrows(IllegalArgumentException.class, () -> server.close(1006, ""));
    assertThrows(IllegalArgumentException.class, () -> server.close(999, ""));
    assertThrows(IllegalArgumentException.class, () -> server.close(5000, ""));
    assertThrows(IllegalArgumentException.class, () -> server.close(1005, "reason"));
    assertThrows(IllegalArgumentException.class, () -> server.close(1000, "x".repeat(124)));
    assertEquals(2 + 2 + 123, server.close(1000, "x".repeat(123)).remaining());
    // 62 two-byte characters are 124 bytes: the limit is in bytes, not characters.
    assertThrows(IllegalArgumentException.class, () -> server.close(1000, "\u00e9".repeat(62)));
  }

  // Misuse.

  @Test
  void serverRejectsInvalidControlFramesAndOpcodes() {
    assertThrows(IllegalArgumentException.class, () -> server.ping(ByteBuffer.allocate(126)));
    assertThrows(
        IllegalArgumentException.class, () -> server.frame(OPCODE_PING, false, ascii("")));
    assertThrows(IllegalArgumentException.class, () -> server.frame(0x3, true, ascii("")));
    assertThrows(IllegalArgumentException.class, () -> server.frame(0xb, true, ascii("")));
  }

  @Test
  void clientRequiresAMaskKeySource() {
    assertThrows(NullPointerException.class, () -> new FrameWriter(Role.CLIENT, null));
  }

  @Test
  void clientLeavesThePayloadBufferUntouched() {
    ByteBuffer payload = Hex.buffer("ff 010203 ff");
    payload.position(1).limit(4);
    assertFrame("82 83 37fa213d 36f822", client.frame(OPCODE_BINARY, true, payload));
    assertEquals(1, payload.position());
    assertEquals(4, payload.limit());
    assertEquals("ff010203ff", Hex.of(payload.duplicate().clear()));
  }

  @Test
  void serverCopiesOnlyTheRemainingBytesOfASlicedHeapBufferAndLeavesItUntouched() {
    // "xxHelloyy": a slice from offset 1 positioned at 1, limit 6 holds "Hello" at array offset 2.
    ByteBuffer payload = ascii("xxHelloyy").slice(1, 7).position(1).limit(6);
    assertFrame("81 05 48656c6c6f", server.frame(OPCODE_TEXT, true, payload));
    assertEquals(1, payload.position());
    assertEquals(6, payload.limit());
  }

  @Test
  void serverCopiesAReadOnlyOrDirectPayloadAsWell() {
    ByteBuffer direct = ByteBuffer.allocateDirect(5).put(ascii("Hello")).flip();
    assertFrame("82 05 48656c6c6f", server.binary(direct));
    assertFrame("82 05 48656c6c6f", server.binary(ascii("Hello").asReadOnlyBuffer()));
    assertEquals(5, direct.remaining());
  }

  private static ByteBuffer ascii(String s) {
    return ByteBuffer.wrap(s.getBytes(java.nio.charset.StandardCharsets.US_ASCII));
  }

  /** The frame is exactly {@code hex}, positioned at 0 and ready to write. */
  private static void assertFrame(String hex, ByteBuffer frame) {
    assertEquals(0, frame.position());
    assertEquals(hex.replace(" ", ""), Hex.of(frame));
  }
}
