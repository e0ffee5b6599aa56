package io.asyncws.runtime.protocol;

import static io.asyncws.runtime.protocol.RawFrames.concat;
import static io.asyncws.runtime.protocol.RawFrames.frame;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.asyncws.runtime.deflate.DeflateParameters;
import io.asyncws.runtime.deflate.PerMessageDeflate;
import java.lang.management.ManagementFactory;
import java.nio.ByteBuffer;
import java.util.List;
import java.util.Random;
import java.util.zip.Deflater;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** The frame reader with permessage-deflate negotiated: RSV1 rules, inflation, limits. */
@Timeout(20)
class FrameReaderDeflateTest {
  private static final long LIMIT = 1 << 20;

  /** Reads {@code bytes} cut at {@code cuts} through a reader that inflates RSV1 messages. */
  private static List<String> read(Role role, long maxMessage, byte[] bytes, int... cuts)
      throws ProtocolException {
    RecordingCallback callback = new RecordingCallback();
    try (PerMessageDeflate deflate =
        new PerMessageDeflate(role, DeflateParameters.DEFAULTS, 0)) {
      FrameReader reader = new FrameReader(role, LIMIT, maxMessage, callback, deflate.inflater());
      int from = 0;
      for (int i = 0; i <= cuts.length; i++) {
        int to = i < cuts.length ? cuts[i] : bytes.length;
        ByteBuffer piece = ByteBuffer.wrap(bytes, from, to - from);
        reader.read(piece);
        assertEquals(0, piece.remaining(), "bytes left over in piece " + i);
        from = to;
      }
    }
    return callback.events;
  }

  private static void assertFails(Role role, byte[] bytes, int code) {
    ProtocolException e = assertThrows(ProtocolException.class, () -> read(role, LIMIT, bytes));
    assertEquals(code, e.closeCode(), e.getMessage());
  }

  @Test
  void clientInflatesRfcExampleMessages() throws ProtocolException {
    byte[] bytes =
        concat(
            Hex.bytes("c1 07 f248cdc9c90700"), // §7.2.3.1: RSV1 FIN text, "Hello"
            Hex.bytes("c1 05 f200110000"), // §7.2.3.2: "Hello" again, from the shared window
            Hex.bytes("41 03 f248cd 80 04 c9c90700"), // §7.2.3.1: fragmented, RSV1 on the first
            Hex.bytes("c1 0b 000500faff48656c6c6f00"), // §7.2.3.3: a stored block
            Hex.bytes("81 05 48656c6c6f")); // an uncompressed message between compressed ones
    List<String> want =
        List.of("text Hello", "text Hello", "text Hello", "text Hello", "text Hello");
    assertEquals(want, read(Role.CLIENT, LIMIT, bytes));
    assertEquals(want, read(Role.CLIENT, LIMIT, bytes, Reading.oneByteCuts(bytes.length)));
  }

  @Test
  void serverInflatesMaskedCompressedMessageAtEverySplit() throws ProtocolException {
    byte[] compressed = Hex.bytes("f248cdc9c90700");
    byte[] bytes =
        concat(
            frame(Role.SERVER, 0x42, compressed), // RSV1 binary, not final
            frame(Role.SERVER, 0x89, "01"), // a Ping between the fragments
            frame(Role.SERVER, 0x80, new byte[0])); // final empty continuation
    for (int cut = 0; cut <= bytes.length; cut++) {
      assertEquals(
          List.of("ping 01", "binary 48656c6c6f"), read(Role.SERVER, LIMIT, bytes, cut), "cut " + cut);
    }
  }

  @Test
  void serverInflatesLargeMessageAcrossChunks() throws ProtocolException {
    byte[] data = new byte[300_000];
    new Random(5).nextBytes(data); // incompressible: the compressed form spans many 8 KiB chunks
    ByteBuffer compressed;
    try (PerMessageDeflate sender = new PerMessageDeflate(Role.CLIENT, DeflateParameters.DEFAULTS, 0)) {
      compressed = sender.compress(ByteBuffer.wrap(data));
    }
    byte[] payload = new byte[compressed.remaining()];
    compressed.get(payload);
    RecordingCallback callback = new RecordingCallback();
    try (PerMessageDeflate deflate = new PerMessageDeflate(Role.SERVER, DeflateParameters.DEFAULTS, 0)) {
      FrameReader reader = new FrameReader(Role.SERVER, LIMIT, LIMIT, callback, deflate.inflater());
      reader.read(ByteBuffer.wrap(frame(Role.SERVER, 0xC2, payload)));
    }
    assertEquals(ByteBuffer.wrap(data), callback.binaries.get(0));
  }

  @Test
  void rsv1OnContinuationFrameFailsWith1002() {
    assertFails(Role.CLIENT, Hex.bytes("41 03 f248cd c0 04 c9c90700"), CloseCodes.PROTOCOL_ERROR);
  }

  @Test
  void rsv1OnControlFramesFailsWith1002() {
    assertFails(Role.CLIENT, Hex.bytes("c9 00"), CloseCodes.PROTOCOL_ERROR); // Ping
    assertFails(Role.CLIENT, Hex.bytes("ca 00"), CloseCodes.PROTOCOL_ERROR); // Pong
    assertFails(Role.CLIENT, Hex.bytes("c8 02 03e8"), CloseCodes.PROTOCOL_ERROR); // Close
  }

  @Test
  void rsv2AndRsv3StayErrorsWithDeflateNegotiated() {
    assertFails(Role.CLIENT, Hex.bytes("a1 00"), CloseCodes.PROTOCOL_ERROR);
    assertFails(Role.CLIENT, Hex.bytes("91 00"), CloseCodes.PROTOCOL_ERROR);
  }

  @Test
  void rsv1WithoutDeflateNegotiatedFailsWith1002() {
    FrameReader reader = new FrameReader(Role.CLIENT, LIMIT, LIMIT, new RecordingCallback());
    ProtocolException e =
        assertThrows(
            ProtocolException.class, () -> reader.read(Hex.buffer("c1 07 f248cdc9c90700")));
    assertEquals(CloseCodes.PROTOCOL_ERROR, e.closeCode());
  }

  @Test
  void invalidUtf8AfterInflationFailsWith1007() throws ProtocolException {
    byte[] compressed;
    try (PerMessageDeflate sender = new PerMessageDeflate(Role.SERVER, DeflateParameters.DEFAULTS, 0)) {
      ByteBuffer out = sender.compress(ByteBuffer.wrap(Hex.bytes("48 c3 28"))); // bad sequence
      compressed = new byte[out.remaining()];
      out.get(compressed);
    }
    assertFails(Role.CLIENT, frame(Role.CLIENT, 0xC1, compressed), CloseCodes.INVALID_PAYLOAD);
  }

  @Test
  void invalidDeflateDataFailsWith1007() {
    assertFails(Role.CLIENT, Hex.bytes("c2 04 ffffffff"), CloseCodes.INVALID_PAYLOAD);
  }

  /**
   * 64 MiB of zeros compress to about 64 KiB; the reader, limited to 1 MiB messages, must refuse
   * them with 1009 having allocated little more than the limit, not the 64 MiB.
   */
  @Test
  void decompressionBombFailsWith1009WithoutLargeAllocation() {
    byte[] bomb = bomb(64L << 20); // 64 MiB of zeros, about 64 KiB compressed
    com.sun.management.ThreadMXBean threads =
        (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
    long before = threads.getCurrentThreadAllocatedBytes();
    ProtocolException e =
        assertThrows(
            ProtocolException.class,
            () -> read(Role.CLIENT, LIMIT, frame(Role.CLIENT, 0xC2, bomb)));
    long allocated = threads.getCurrentThreadAllocatedBytes() - before;
    assertEquals(CloseCodes.MESSAGE_TOO_BIG, e.closeCode(), e.getMessage());
    assertTrue(allocated < 8L << 20, "allocated " + allocated + " bytes for a 1 MiB limit");
  }

  @Test
  void compressedMessageExactlyAtLimitIsDelivered() throws ProtocolException {
    byte[] zeros = bomb(LIMIT);
    List<String> events = read(Role.CLIENT, LIMIT, frame(Role.CLIENT, 0xC2, zeros));
    assertEquals(1, events.size());
    ProtocolException e =
        assertThrows(
            ProtocolException.class,
            () -> read(Role.CLIENT, LIMIT, frame(Role.CLIENT, 0xC2, bomb(LIMIT + 1))));
    assertEquals(CloseCodes.MESSAGE_TOO_BIG, e.closeCode());
  }

  /**
   * Incompressible data grows under DEFLATE: a 1024-byte random message compresses to a few
   * bytes more, which a 1024-byte frame limit must still admit (it bounds memory, and compressed
   * bytes are not buffered); beyond the 1/128 allowance the frame is refused at its header.
   */
  @Test
  void compressedFrameMayExceedFrameLimitByDeflateGrowthOnly() throws ProtocolException {
    byte[] data = new byte[1024];
    new Random(9).nextBytes(data);
    byte[] compressed;
    try (PerMessageDeflate sender = new PerMessageDeflate(Role.SERVER, DeflateParameters.DEFAULTS, 0)) {
      ByteBuffer out = sender.compress(ByteBuffer.wrap(data));
      compressed = new byte[out.remaining()];
      out.get(compressed);
    }
    assertTrue(compressed.length > 1024, "random data grew to " + compressed.length);
    RecordingCallback callback = new RecordingCallback();
    try (PerMessageDeflate deflate = new PerMessageDeflate(Role.CLIENT, DeflateParameters.DEFAULTS, 0)) {
      new FrameReader(Role.CLIENT, 1024, 1024, callback, deflate.inflater())
          .read(ByteBuffer.wrap(frame(Role.CLIENT, 0xC2, compressed)));
    }
    assertEquals(ByteBuffer.wrap(data), callback.binaries.get(0));
    try (PerMessageDeflate deflate = new PerMessageDeflate(Role.CLIENT, DeflateParameters.DEFAULTS, 0)) {
      FrameReader reader = new FrameReader(Role.CLIENT, 1024, 1024, callback, deflate.inflater());
      // 1024 + 1024/128 + 1 = 1033 bytes announced: refused before any payload
      ProtocolException e =
          assertThrows(ProtocolException.class, () -> reader.read(Hex.buffer("c27e0409")));
      assertEquals(CloseCodes.MESSAGE_TOO_BIG, e.closeCode());
    }
  }

  /** {@code size} zero bytes, compressed as permessage-deflate sends them. */
  private static byte[] bomb(long size) {
    Deflater deflater = new Deflater(Deflater.BEST_COMPRESSION, true);
    byte[] zeros = new byte[1 << 16];
    java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
    byte[] buffer = new byte[1 << 16];
    for (long left = size; left > 0; left -= zeros.length) {
      deflater.setInput(zeros, 0, (int) Math.min(left, zeros.length));
      while (!deflater.needsInput()) out.write(buffer, 0, deflater.deflate(buffer));
    }
    int n;
    while ((n = deflater.deflate(buffer, 0, buffer.length, Deflater.SYNC_FLUSH)) > 0) {
      out.write(buffer, 0, n);
      if (n < buffer.length) break;
    }
    deflater.end();
    byte[] all = out.toByteArray();
    return java.util.Arrays.copyOf(all, all.length - 4); // strip 00 00 ff ff
  }
}
