package io.asyncws.runtime.protocol;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

@Timeout(value = 60, unit = TimeUnit.SECONDS)
class Utf8ValidatorTest {

  @ParameterizedTest
  @ValueSource(
      strings = {
        "", // empty
        "48656c6c6f2d3c20e2889a", // "Hello-<" and U+221A
        "cebae1bdb9cf83cebcceb5", // "κόσμε", Autobahn 6.2.1
        "7f", // U+007F, last 1-byte
        "c280", // U+0080, first 2-byte
        "dfbf", // U+07FF, last 2-byte
        "e0a080", // U+0800, first 3-byte
        "ed9fbf", // U+D7FF, just below the surrogates
        "ee8080", // U+E000, just above the surrogates
        "efbfbd", // U+FFFD
        "efbfbf", // U+FFFF, a noncharacter but valid UTF-8 (Autobahn 6.7.x, 6.11.x)
        "f0908080", // U+10000, first 4-byte
        "f48fbfbf", // U+10FFFF, last code point
        "f09f9880", // U+1F600
        "4142434445464748494a4b4c4d4e4f50c3a9" // 16 ASCII bytes, then U+00E9
      })
  void acceptsValidSequences(String hex) {
    byte[] bytes = Hex.bytes(hex);
    assertDoesNotThrow(() -> Utf8Validator.validate(bytes, 0, bytes.length));
    for (int split = 0; split <= bytes.length; split++) {
      Utf8Validator validator = new Utf8Validator();
      int at = split;
      assertDoesNotThrow(
          () -> {
            validator.feed(bytes, 0, at);
            validator.feed(bytes, at, bytes.length - at);
            validator.finish();
          },
          "split at " + split);
    }
  }

  /**
   * Invalid sequences and the index of the first byte at which the prefix can no longer be the
   * start of valid UTF-8: the validator must throw exactly there (fail fast), or at {@link
   * Utf8Validator#finish} when the index is the length (truncated sequence).
   */
  @ParameterizedTest
  @CsvSource({
    "80, 0", // lone continuation byte
    "bf, 0", // lone continuation byte
    "c0af, 0", // overlong '/' (C0 can only start overlongs)
    "c1bf, 0", // overlong U+007F
    "e08080, 1", // overlong U+0000 in 3 bytes
    "e09fbf, 1", // overlong U+07FF in 3 bytes
    "f0808080, 1", // overlong U+0000 in 4 bytes
    "f08fbfbf, 1", // overlong U+FFFF in 4 bytes
    "eda080, 1", // U+D800, high surrogate
    "edadbf, 1", // U+DB7F
    "edbfbf, 1", // U+DFFF, low surrogate
    "eda080edb080, 1", // surrogate pair encoded as two 3-byte sequences
    "f4908080, 1", // U+110000, above the last code point (Autobahn 6.3.x)
    "f5808080, 0", // F5 never occurs
    "f8888080, 0", // old 5-byte form
    "fc8480808080, 0", // old 6-byte form
    "fe, 0", // never occurs
    "ff, 0", // never occurs
    "c2, 1", // truncated 2-byte
    "e282, 2", // truncated 3-byte
    "f09f98, 3", // truncated 4-byte
    "c241, 1", // 2-byte lead followed by ASCII
    "e28241, 2", // 3-byte sequence cut by ASCII
    "cebae1bdb9cf83cebcceb5eda080656469746564, 12", // "κόσμε" + U+D800 + "edited", Autobahn 6.4.x
    "cebae1bdb9cf83cebcceb5f4908080656469746564, 12", // "κόσμε" + F4 90 + "edited", Autobahn 6.4.x
    "41424344454647484950515253545556c0, 16" // 16 ASCII bytes (the fast path) then C0
  })
  void rejectsInvalidSequenceAtFirstBadByteForEverySplit(String hex, int firstBad) {
    byte[] bytes = Hex.bytes(hex);
    ProtocolException whole =
        assertThrows(ProtocolException.class, () -> Utf8Validator.validate(bytes, 0, bytes.length));
    assertEquals(CloseCodes.INVALID_PAYLOAD, whole.closeCode());

    // One byte at a time: the prefix before firstBad is accepted, the byte at firstBad fails.
    Utf8Validator validator = new Utf8Validator();
    for (int i = 0; i < firstBad; i++) {
      int at = i;
      assertDoesNotThrow(() -> validator.feed(bytes, at, 1), "byte " + i + " of " + hex);
    }
    ProtocolException e =
        assertThrows(
            ProtocolException.class,
            () -> {
              if (firstBad < bytes.length) validator.feed(bytes, firstBad, 1);
              else validator.finish();
            });
    assertEquals(CloseCodes.INVALID_PAYLOAD, e.closeCode());

    // Any split into two pieces fails in the piece holding firstBad (or at finish).
    for (int split = 0; split <= bytes.length; split++) {
      Utf8Validator v = new Utf8Validator();
      int at = split;
      ProtocolException ex =
          assertThrows(
              ProtocolException.class,
              () -> {
                v.feed(bytes, 0, at);
                assertTrue(at <= firstBad, "first piece should have failed");
                v.feed(bytes, at, bytes.length - at);
                assertTrue(firstBad == bytes.length, "second piece should have failed");
                v.finish();
              });
      assertEquals(CloseCodes.INVALID_PAYLOAD, ex.closeCode());
    }
  }

  @Test
  void feedOfByteBufferReadsBetweenPositionAndLimitWithoutMovingThem() throws Exception {
    ByteBuffer heap = Hex.buffer("ff e282ac ff"); // "€" between two invalid bytes
    heap.position(1).limit(4);
    Utf8Validator validator = new Utf8Validator();
    validator.feed(heap);
    validator.finish();
    assertEquals(1, heap.position());
    assertEquals(4, heap.limit());

    ByteBuffer direct = ByteBuffer.allocateDirect(5).put(Hex.bytes("ff e282ac ff")).flip();
    direct.position(1).limit(4);
    validator.feed(direct);
    validator.finish();
    assertEquals(1, direct.position());

    direct.limit(5);
    assertThrows(ProtocolException.class, () -> validator.feed(direct));
  }

  @Test
  void resetForgetsAnOpenSequence() throws Exception {
    Utf8Validator validator = new Utf8Validator();
    validator.feed(Hex.bytes("e2"), 0, 1);
    validator.reset();
    validator.feed(Hex.bytes("41"), 0, 1);
    validator.finish();
  }

  @Test
  void finishResetsForTheNextStream() throws Exception {
    Utf8Validator validator = new Utf8Validator();
    validator.feed(Hex.bytes("e2"), 0, 1);
    assertThrows(ProtocolException.class, validator::finish);
    validator.feed(Hex.bytes("41"), 0, 1);
    validator.finish();
  }

  @Test
  void agreesWithJdkDecoderOnRandomBytes() {
    Random random = new Random(3629);
    // Bytes drawn mostly from the interesting ranges so that valid multi-byte sequences occur.
    int[] pool = {0x41, 0x7f, 0x80, 0x8f, 0x90, 0x9f, 0xa0, 0xbf, 0xc0, 0xc2, 0xdf, 0xe0, 0xe1,
        0xed, 0xee, 0xef, 0xf0, 0xf1, 0xf4, 0xf5, 0xff};
    int valid = 0;
    for (int round = 0; round < 200_000; round++) {
      byte[] bytes = new byte[1 + random.nextInt(12)];
      for (int i = 0; i < bytes.length; i++) bytes[i] = (byte) pool[random.nextInt(pool.length)];
      boolean jdkValid = jdkAccepts(bytes);
      boolean ours;
      try {
        Utf8Validator.validate(bytes, 0, bytes.length);
        ours = true;
      } catch (ProtocolException e) {
        ours = false;
      }
      assertEquals(jdkValid, ours, Hex.of(bytes));
      if (ours) valid++;
    }
    assertTrue(valid > 1000, "too few valid samples to mean anything: " + valid);
  }

  @Test
  void acceptsEveryCodePointEncodedByTheJdk() throws Exception {
    Utf8Validator validator = new Utf8Validator();
    StringBuilder all = new StringBuilder();
    for (int cp = 0; cp <= 0x10FFFF; cp++) {
      if (cp >= 0xD800 && cp <= 0xDFFF) continue;
      all.appendCodePoint(cp);
    }
    byte[] bytes = all.toString().getBytes(StandardCharsets.UTF_8);
    validator.feed(bytes, 0, bytes.length);
    validator.finish();
  }

  private static boolean jdkAccepts(byte[] bytes) {
    try {
      StandardCharsets.UTF_8
          .newDecoder()
          .onMalformedInput(CodingErrorAction.REPORT)
          .onUnmappableCharacter(CodingErrorAction.REPORT)
          .decode(ByteBuffer.wrap(bytes));
      return true;
    } catch (CharacterCodingException e) {
      return false;
    }
  }
}
