package io.asyncws.runtime.deflate;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.asyncws.runtime.protocol.CloseCodes;
import io.asyncws.runtime.protocol.MessageInflater;
import io.asyncws.runtime.protocol.ProtocolException;
import io.asyncws.runtime.protocol.Role;
import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.HexFormat;
import java.util.Random;
import java.util.zip.Deflater;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** Compression and decompression of whole messages, against RFC 7692 §7.2.3's examples. */
@Timeout(10)
class PerMessageDeflateTest {
  private static final HexFormat HEX = HexFormat.of();
  private static final ByteBuffer HELLO = ByteBuffer.wrap("Hello".getBytes(StandardCharsets.US_ASCII));

  private static PerMessageDeflate codec(Role role, DeflateParameters parameters) {
    return new PerMessageDeflate(role, parameters, 0);
  }

  private static String hex(ByteBuffer buffer) {
    byte[] bytes = new byte[buffer.remaining()];
    buffer.duplicate().get(bytes);
    return HEX.formatHex(bytes);
  }

  /** Inflates whole messages the way the frame reader does, collecting the output. */
  private static byte[] inflate(MessageInflater inflater, String compressedHex)
      throws ProtocolException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    byte[] in = HEX.parseHex(compressedHex);
    inflater.inflate(in, 0, in.length, out::write);
    inflater.endMessage(out::write);
    return out.toByteArray();
  }

  @Test
  void serverCompressesHelloAsInRfcExample() {
    try (PerMessageDeflate deflate = codec(Role.SERVER, DeflateParameters.DEFAULTS)) {
      // §7.2.3.1: "Hello" in one compressed frame, 00 00 ff ff stripped
      assertEquals("f248cdc9c90700", hex(deflate.compress(HELLO)));
      // §7.2.3.2: the second "Hello" refers back into the first message (context takeover)
      assertEquals("f200110000", hex(deflate.compress(HELLO)));
      assertEquals(5, HELLO.remaining(), "the payload is left untouched");
    }
  }

  @Test
  void serverWithoutContextTakeoverCompressesEveryMessageAfresh() {
    DeflateParameters noContext = new DeflateParameters(true, false, 0, 0);
    try (PerMessageDeflate deflate = codec(Role.SERVER, noContext)) {
      assertEquals("f248cdc9c90700", hex(deflate.compress(HELLO)));
      assertEquals("f248cdc9c90700", hex(deflate.compress(HELLO)));
    }
    // The client's own no_context_takeover does not concern a server's sending.
    try (PerMessageDeflate client = codec(Role.CLIENT, noContext)) {
      assertEquals("f248cdc9c90700", hex(client.compress(HELLO)));
      assertEquals("f200110000", hex(client.compress(HELLO)));
    }
  }

  @Test
  void clientWithoutContextTakeoverCompressesEveryMessageAfresh() {
    try (PerMessageDeflate client = codec(Role.CLIENT, new DeflateParameters(false, true, 0, 0))) {
      assertEquals("f248cdc9c90700", hex(client.compress(HELLO)));
      assertEquals("f248cdc9c90700", hex(client.compress(HELLO)));
    }
  }

  @Test
  void emptyMessageCompressesToOneZeroByte() throws ProtocolException {
    try (PerMessageDeflate deflate = codec(Role.SERVER, DeflateParameters.DEFAULTS)) {
      deflate.compress(HELLO);
      // §7.2.3.6: an empty message is the single byte 00
      assertEquals("00", hex(deflate.compress(ByteBuffer.allocate(0))));
      assertEquals("f200110000", hex(deflate.compress(HELLO)), "context survives the empty one");
      assertEquals(0, inflate(deflate.inflater(), "00").length);
    }
  }

  @Test
  void inflaterReadsRfcExamples() throws ProtocolException {
    try (PerMessageDeflate deflate = codec(Role.CLIENT, DeflateParameters.DEFAULTS)) {
      MessageInflater inflater = deflate.inflater();
      assertEquals("Hello", ascii(inflate(inflater, "f248cdc9c90700"))); // §7.2.3.1
      assertEquals("Hello", ascii(inflate(inflater, "f200110000"))); // §7.2.3.2, shared window
      // §7.2.3.3: a stored ("no compression") block
      assertEquals("Hello", ascii(inflate(inflater, "000500faff48656c6c6f00")));
      // §7.2.3.4: a final block (BFINAL=1); the next message starts a new stream
      assertEquals("Hello", ascii(inflate(inflater, "f348cdc9c90700")));
      assertEquals("Hello", ascii(inflate(inflater, "f248cdc9c90700")));
    }
  }

  @Test
  void inflaterRejectsInvalidDeflateWith1007() {
    try (PerMessageDeflate deflate = codec(Role.SERVER, DeflateParameters.DEFAULTS)) {
      ProtocolException e =
          assertThrows(ProtocolException.class, () -> inflate(deflate.inflater(), "ffffffff"));
      assertEquals(CloseCodes.INVALID_PAYLOAD, e.closeCode());
    }
  }

  @Test
  void inflaterRejectsDataAfterFinalBlockWith1007() {
    try (PerMessageDeflate deflate = codec(Role.SERVER, DeflateParameters.DEFAULTS)) {
      ProtocolException e =
          assertThrows(
              ProtocolException.class, () -> inflate(deflate.inflater(), "f348cdc9c90700f248"));
      assertEquals(CloseCodes.INVALID_PAYLOAD, e.closeCode());
    }
  }

  @Test
  void messagesBelowThresholdAreNotCompressed() {
    try (PerMessageDeflate deflate =
        new PerMessageDeflate(Role.SERVER, DeflateParameters.DEFAULTS, 6)) {
      assertNull(deflate.compress(HELLO));
      assertNotNull(deflate.compress(ByteBuffer.wrap(new byte[6])));
    }
  }

  /**
   * java.util.zip always keeps a 32 KiB window. With server_max_window_bits=9 agreed, messages
   * above 512 bytes go uncompressed and each smaller one is compressed afresh, so no
   * back-reference can reach further than 512 bytes.
   */
  @Test
  void serverWithLimitedWindowCompressesOnlyWithinTheWindow() throws ProtocolException {
    try (PerMessageDeflate deflate = codec(Role.SERVER, new DeflateParameters(false, false, 9, 0));
        PerMessageDeflate peer = codec(Role.CLIENT, DeflateParameters.DEFAULTS)) {
      assertNull(deflate.compress(ByteBuffer.allocate(513)), "longer than the window");
      byte[] text = "abcdefgh".repeat(64).getBytes(StandardCharsets.US_ASCII); // 512 bytes
      ByteBuffer first = deflate.compress(ByteBuffer.wrap(text));
      ByteBuffer second = deflate.compress(ByteBuffer.wrap(text));
      assertEquals(hex(first), hex(second), "no context carried from one message to the next");
      assertArrayEquals(text, inflate(peer.inflater(), hex(first)));
      assertTrue(maxDistance(first) <= 512, "a back-reference beyond 512 bytes");
    }
  }

  @Test
  void distanceCheckSeesLongBackReferencesOfAFullWindow() {
    // The check above must be able to fail: a full-window compressor reaches 20000 bytes back.
    byte[] block = new byte[1000];
    new Random(3).nextBytes(block);
    byte[] data = new byte[21_000];
    System.arraycopy(block, 0, data, 0, 1000);
    System.arraycopy(block, 0, data, 20_000, 1000);
    try (PerMessageDeflate deflate = codec(Role.SERVER, DeflateParameters.DEFAULTS)) {
      assertEquals(20_000, maxDistance(deflate.compress(ByteBuffer.wrap(data))));
    }
  }

  @Test
  void clientHonoursWindowTheServerSet() {
    try (PerMessageDeflate client = codec(Role.CLIENT, new DeflateParameters(false, false, 0, 8))) {
      assertNull(client.compress(ByteBuffer.allocate(257)));
      assertNotNull(client.compress(ByteBuffer.allocate(256)));
    }
  }

  @Test
  void compressedRandomAndRepetitiveDataRoundTrip() throws ProtocolException {
    Random random = new Random(7);
    try (PerMessageDeflate sender = codec(Role.CLIENT, DeflateParameters.DEFAULTS);
        PerMessageDeflate receiver = codec(Role.SERVER, DeflateParameters.DEFAULTS)) {
      for (int size : new int[] {0, 1, 125, 126, 65535, 65536, 200_000}) {
        byte[] data = new byte[size];
        random.nextBytes(data);
        if (size > 1000) System.arraycopy(data, 0, data, size / 2, size / 4); // some repetition
        ByteBuffer compressed = sender.compress(ByteBuffer.wrap(data));
        assertArrayEquals(data, inflate(receiver.inflater(), hex(compressed)), "size " + size);
      }
    }
  }

  @Test
  void closeEndsBothDeflaterAndInflater() {
    PerMessageDeflate deflate = codec(Role.SERVER, DeflateParameters.DEFAULTS);
    assertFalse(deflate.isClosed());
    deflate.close();
    deflate.close(); // idempotent
    assertTrue(deflate.isClosed());
    // java.util.zip throws once end() has released the native stream: proof both were ended.
    assertThrows(NullPointerException.class, () -> deflate.compress(HELLO));
    assertThrows(NullPointerException.class, () -> inflate(deflate.inflater(), "f248cdc9c90700"));
  }

  @Test
  void jdkDeflaterAgreesWithRfcExample() {
    // A guard on the assumption the compressor rests on: zlib's sync flush ends in 00 00 ff ff.
    Deflater deflater = new Deflater(Deflater.DEFAULT_COMPRESSION, true);
    deflater.setInput("Hello".getBytes(StandardCharsets.US_ASCII));
    byte[] out = new byte[64];
    int n = deflater.deflate(out, 0, out.length, Deflater.SYNC_FLUSH);
    deflater.end();
    assertEquals("f248cdc9c907000000ffff", HEX.formatHex(out, 0, n));
  }

  private static String ascii(byte[] bytes) {
    return new String(bytes, StandardCharsets.US_ASCII);
  }

  /** The longest back-reference distance in a raw DEFLATE stream (fixed or dynamic blocks). */
  private static int maxDistance(ByteBuffer compressed) {
    byte[] bytes = new byte[compressed.remaining()];
    compressed.duplicate().get(bytes);
    return DeflateDistances.max(bytes);
  }
}
