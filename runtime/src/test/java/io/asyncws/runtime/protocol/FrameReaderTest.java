package io.asyncws.runtime.protocol;

import static io.asyncws.runtime.protocol.RawFrames.concat;
import static io.asyncws.runtime.protocol.RawFrames.frame;
import static io.asyncws.runtime.protocol.Reading.assertEverySplit;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.EnumSource;

/** What a reader accepts; {@link FrameReaderViolationsTest} covers what it rejects. */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class FrameReaderTest {

  // RFC 6455 §5.7 examples, byte for byte.

  @Test
  void clientReadsUnmaskedTextHello() throws Exception {
    assertEverySplit(Role.CLIENT, Hex.bytes("81 05 48656c6c6f"), "text Hello"); // §5.7 unmasked
  }

  @Test
  void serverReadsMaskedTextHello() throws Exception {
    assertEverySplit(
        Role.SERVER, Hex.bytes("81 85 37fa213d 7f9f4d5158"), "text Hello"); // §5.7 masked
  }

  @Test
  void clientReadsFragmentedTextHello() throws Exception {
    assertEverySplit(
        Role.CLIENT, Hex.bytes("01 03 48656c  80 02 6c6f"), "text Hello"); // §5.7 "Hel" + "lo"
  }

  @Test
  void clientReadsUnmaskedPingHello() throws Exception {
    assertEverySplit(Role.CLIENT, Hex.bytes("89 05 48656c6c6f"), "ping 48656c6c6f"); // §5.7 ping
  }

  @Test
  void serverReadsMaskedPongHello() throws Exception {
    assertEverySplit(
        Role.SERVER, Hex.bytes("8a 85 37fa213d 7f9f4d5158"), "pong 48656c6c6f"); // §5.7 pong
  }

  @Test
  void clientReads256ByteBinaryWith16BitLength() throws Exception {
    byte[] payload = pattern(256);
    byte[] bytes = concat(Hex.bytes("82 7e 0100"), payload); // §5.7: 256 bytes, 16-bit length
    assertEverySplit(Role.CLIENT, bytes, "binary " + Hex.of(payload));
  }

  @Test
  void clientReads64KiBBinaryWith64BitLength() throws Exception {
    byte[] payload = pattern(65536);
    byte[] bytes = concat(Hex.bytes("82 7f 0000000000010000"), payload); // §5.7: 64 KiB
    assertEverySplit(Role.CLIENT, bytes, "binary " + Hex.of(payload));
  }

  // Lengths, encodings and empty payloads.

  @Test
  void clientAcceptsNonMinimalLengthEncodings() throws Exception {
    byte[] bytes =
        Hex.bytes(
            "82 7e 0005 0102030405" // 5 bytes in the 16-bit form
                + "82 7f 0000000000000003 0a0b0c"); // 3 bytes in the 64-bit form
    assertEverySplit(Role.CLIENT, bytes, "binary 0102030405", "binary 0a0b0c");
  }

  @ParameterizedTest
  @EnumSource(Role.class)
  void readsEmptyMessagesAndControlFrames(Role role) throws Exception {
    byte[] bytes =
        concat(
            frame(role, 0x81, ""), // empty text
            frame(role, 0x82, ""), // empty binary
            frame(role, 0x01, ""), // empty text in three empty fragments
            frame(role, 0x00, ""),
            frame(role, 0x80, ""),
            frame(role, 0x89, ""), // empty ping
            frame(role, 0x8a, ""), // empty pong
            frame(role, 0x88, "")); // empty close
    assertEverySplit(
        role, bytes, "text ", "binary ", "text ", "ping ", "pong ", "close 1005 ");
  }

  @ParameterizedTest
  @EnumSource(Role.class)
  void readsControlFramesBetweenFragmentsImmediately(Role role) throws Exception {
    byte[] bytes =
        concat(
            frame(role, 0x02, "0102"), // binary, first fragment
            frame(role, 0x89, "aa"), // ping in between
            frame(role, 0x00, "0304"),
            frame(role, 0x8a, "bb"), // pong in between
            frame(role, 0x80, "05"));
    assertEverySplit(role, bytes, "ping aa", "pong bb", "binary 0102030405");
  }

  @ParameterizedTest
  @EnumSource(Role.class)
  void readsTextWhoseCodePointsStraddleFragments(Role role) throws Exception {
    byte[] bytes =
        concat(
            frame(role, 0x01, "e2"), // "€" = e2 82 ac cut into three fragments
            frame(role, 0x00, "82"),
            frame(role, 0x80, "ac"));
    assertEverySplit(role, bytes, "text €");
  }

  @ParameterizedTest
  @EnumSource(Role.class)
  void readsControlFramesOf125Bytes(Role role) throws Exception {
    byte[] payload = pattern(125);
    byte[] close = new byte[125];
    close[0] = 0x03; // 1000
    close[1] = (byte) 0xe8;
    java.util.Arrays.fill(close, 2, 125, (byte) 'x');
    byte[] bytes = concat(frame(role, 0x89, payload), frame(role, 0x88, close));
    assertEverySplit(role, bytes, "ping " + Hex.of(payload), "close 1000 " + "x".repeat(123));
  }

  @ParameterizedTest
  @CsvSource({
    "03e8, 'close 1000 '", // normal closure, no reason
    "03e9 4f4b, close 1001 OK",
    "03f3, 'close 1011 '", // internal error
    "03f6, 'close 1014 '", // bad gateway, IANA-registered
    "0bb8, 'close 3000 '", // first library code
    "1387 cebae1bdb9cf83cebcceb5, close 4999 \u03ba\u1f79\u03c3\u03bc\u03b5" // "kosme"
  })
  void clientAndServerReadCloseCodesAndReasons(String payloadHex, String event) throws Exception {
    for (Role role : Role.values()) {
      assertEverySplit(role, frame(role, 0x88, payloadHex), event);
    }
  }

  @Test
  void clientDiscardsEverythingAfterClose() throws Exception {
    RecordingCallback callback = new RecordingCallback();
    FrameReader reader = new FrameReader(Role.CLIENT, Reading.LIMIT, Reading.LIMIT, callback);
    ByteBuffer first = Hex.buffer("88 02 03e8  81 01 41  ffff"); // close, text, garbage
    reader.read(first);
    ByteBuffer second = Hex.buffer("81 01 42");
    reader.read(second);
    assertEquals(List.of("close 1000 "), callback.events);
    assertEquals(0, first.remaining());
    assertEquals(0, second.remaining());
  }

  @Test
  void clientReadsFramesBackToBackInOneBuffer() throws Exception {
    byte[] bytes = Hex.bytes("81 01 41  82 02 0102  89 00  81 01 42");
    assertEverySplit(Role.CLIENT, bytes, "text A", "binary 0102", "ping ", "text B");
  }

  @Test
  void clientAcceptsMessageOfExactlyTheLimits() throws Exception {
    RecordingCallback callback = new RecordingCallback();
    FrameReader reader = new FrameReader(Role.CLIENT, 3, 5, callback);
    reader.read(Hex.buffer("02 03 010203  80 02 0405")); // frames of 3 + 2 = 5 bytes
    assertEquals(List.of("binary 0102030405"), callback.events);
  }

  // Buffers handed to the callback.

  @Test
  void clientHandsOverBinaryBuffersThatLaterReadsDoNotTouch() throws Exception {
    RecordingCallback callback = new RecordingCallback();
    FrameReader reader = new FrameReader(Role.CLIENT, Reading.LIMIT, Reading.LIMIT, callback);
    reader.read(Hex.buffer("02 02 0102  80 01 03")); // 3 bytes in a 2+1 fragmented message
    reader.read(Hex.buffer("02 02 0a0b  80 01 0c"));
    reader.read(Hex.buffer("82 03 1a1b1c")); // single frame: the buffer fits exactly
    reader.read(Hex.buffer("82 03 2a2b2c"));
    List<ByteBuffer> got = callback.binaries;
    assertEquals("010203", Hex.of(got.get(0)));
    assertEquals("0a0b0c", Hex.of(got.get(1)));
    assertEquals("1a1b1c", Hex.of(got.get(2)));
    assertEquals("2a2b2c", Hex.of(got.get(3)));
    for (ByteBuffer data : got) assertEquals(0, data.position());
    assertNotSame(got.get(2).array(), got.get(3).array());
  }

  @Test
  void serverReadsLargeFragmentedTextMessage() throws Exception {
    // 1 MiB of text in 4 KiB fragments, with a multi-byte character cut at every fragment end.
    String unit = "ab€"; // 5 bytes, so fragments of 4096 bytes cut the "€" in varying places
    String text = unit.repeat((1 << 20) / 5);
    byte[] utf8 = text.getBytes(StandardCharsets.UTF_8);
    java.io.ByteArrayOutputStream stream = new java.io.ByteArrayOutputStream();
    for (int from = 0; from < utf8.length; from += 4096) {
      int to = Math.min(utf8.length, from + 4096);
      int b0 = (from == 0 ? 0x01 : 0x00) | (to == utf8.length ? 0x80 : 0);
      stream.writeBytes(frame(Role.SERVER, b0, java.util.Arrays.copyOfRange(utf8, from, to)));
    }
    byte[] bytes = stream.toByteArray();
    RecordingCallback callback = new RecordingCallback();
    FrameReader reader = new FrameReader(Role.SERVER, Reading.LIMIT, Reading.LIMIT, callback);
    for (int from = 0; from < bytes.length; from += 1500) { // MTU-sized reads
      ByteBuffer piece = ByteBuffer.wrap(bytes, from, Math.min(1500, bytes.length - from));
      reader.read(piece);
      assertEquals(0, piece.remaining());
    }
    assertEquals(List.of("text " + text), callback.events);
  }

  @Test
  void serverReadsFromDirectAndReadOnlyBuffers() throws Exception {
    byte[] bytes = Hex.bytes("81 85 37fa213d 7f9f4d5158  82 82 37fa213d 36f8"); // "Hello", 0102
    RecordingCallback callback = new RecordingCallback();
    FrameReader reader = new FrameReader(Role.SERVER, Reading.LIMIT, Reading.LIMIT, callback);
    ByteBuffer direct = ByteBuffer.allocateDirect(8).put(bytes, 0, 8).flip();
    reader.read(direct);
    ByteBuffer readOnly = ByteBuffer.wrap(bytes, 8, bytes.length - 8).asReadOnlyBuffer();
    reader.read(readOnly);
    assertEquals(List.of("text Hello", "binary 0102"), callback.events);
    assertEquals(0, direct.remaining());
    assertEquals(0, readOnly.remaining());
    assertEquals("818537fa213d7f9f4d5158828237fa213d36f8", Hex.of(bytes)); // input not unmasked
  }

  @Test
  void clientRefusesToBeUsedAfterFailure() {
    FrameReader reader =
        new FrameReader(Role.CLIENT, Reading.LIMIT, Reading.LIMIT, new RecordingCallback());
    assertThrows(ProtocolException.class, () -> reader.read(Hex.buffer("83 00"))); // opcode 3
    assertThrows(IllegalStateException.class, () -> reader.read(Hex.buffer("81 00")));
  }

  static byte[] pattern(int length) {
    byte[] bytes = new byte[length];
    for (int i = 0; i < length; i++) bytes[i] = (byte) (i * 7 + 3);
    return bytes;
  }
}
