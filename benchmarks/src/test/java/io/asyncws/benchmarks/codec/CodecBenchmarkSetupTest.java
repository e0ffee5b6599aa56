package io.asyncws.benchmarks.codec;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.asyncws.runtime.protocol.ProtocolException;
import io.asyncws.runtime.protocol.Utf8Validator;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Runs each codec benchmark's setup and one invocation outside JMH and checks the bytes, so that a
 * benchmark measuring the wrong thing (an empty frame, a rejected input, codecs fed different
 * bytes) fails the build instead of publishing a number.
 */
@Timeout(value = 30, unit = TimeUnit.SECONDS)
class CodecBenchmarkSetupTest {
  private static final HexFormat HEX = HexFormat.of();

  @ParameterizedTest
  @ValueSource(ints = {64, 1024, 65536, 1048576})
  void parseBenchmarkDecodesTheSamePayloadWithBothCodecs(int size) throws ProtocolException {
    FrameParseBenchmark b = new FrameParseBenchmark();
    b.size = size;
    b.setUp();
    try {
      byte[] expected = CodecInputs.binaryPayload(size);
      // Twice each: the input frame must survive an invocation unchanged.
      for (int i = 0; i < 2; i++) {
        assertArrayEquals(expected, bytes(b.ours()));
        assertArrayEquals(expected, b.nettyPayload());
        assertEquals(size, b.netty());
      }
    } finally {
      b.tearDown();
    }
  }

  @ParameterizedTest
  @ValueSource(ints = {64, 65536})
  void parseBenchmarkFeedsAMaskedFrameWithTheFixedKey(int size) {
    FrameParseBenchmark b = new FrameParseBenchmark();
    b.size = size;
    b.setUp();
    try {
      byte[] frame = bytes(b.frame());
      String header = size == 64
          ? "82c0" + "37fa213d" // FIN+binary, masked, 64 bytes, key
          : "82ff" + "0000000000010000" + "37fa213d"; // masked, 8-byte length 65536, key
      assertEquals(header, HEX.formatHex(frame, 0, header.length() / 2));
      assertEquals(header.length() / 2 + size, frame.length);
    } finally {
      b.tearDown();
    }
  }

  @ParameterizedTest
  @ValueSource(ints = {64, 1024, 65536, 1048576})
  void encodeBenchmarkProducesIdenticalUnmaskedFramesWithBothCodecs(int size) {
    FrameEncodeBenchmark b = new FrameEncodeBenchmark();
    b.size = size;
    b.setUp();
    try {
      byte[] ours = bytes(b.ours());
      assertArrayEquals(ours, b.nettyFrame());
      String header = switch (size) {
        case 64 -> "8240"; // FIN+binary, unmasked, 64 bytes
        case 1024 -> "827e0400"; // 2-byte length 1024
        case 65536 -> "827f0000000000010000"; // 8-byte length 65536
        default -> "827f0000000000100000"; // 8-byte length 1 MiB
      };
      assertEquals(header, HEX.formatHex(ours, 0, header.length() / 2));
      byte[] payload = Arrays.copyOfRange(ours, header.length() / 2, ours.length);
      assertArrayEquals(CodecInputs.binaryPayload(size), payload);
      assertEquals(ours.length, b.netty());
    } finally {
      b.tearDown();
    }
  }

  @ParameterizedTest
  @ValueSource(ints = {64, 1024, 65536, 1048576})
  void maskingBenchmarkMasksIdenticallyWithBothCodecsAndRestoresInPlace(int size) {
    MaskingBenchmark b = new MaskingBenchmark();
    b.size = size;
    b.setUp();
    try {
      byte[] ours = bytes(b.oursMaskedFrame());
      assertArrayEquals(ours, b.nettyFrame());
      byte[] payload = CodecInputs.binaryPayload(size);
      assertTrue(Arrays.mismatch(payload, 0, size, ours, ours.length - size, ours.length) >= 0,
          "the frame's payload must be masked, not the plain bytes");
      b.oursInPlace();
      assertTrue(Arrays.mismatch(payload, bytes(b.scratch())) >= 0, "one pass must change the bytes");
      b.oursInPlace();
      assertArrayEquals(payload, bytes(b.scratch()), "a second pass must restore them");
    } finally {
      b.tearDown();
    }
  }

  @ParameterizedTest
  @ValueSource(strings = {"ascii", "mixed"})
  void utf8BenchmarkFeedsValidTextThatBothValidatorsAccept(String text) throws Exception {
    for (int size : new int[] {64, 4096, 1048576}) {
      Utf8ValidationBenchmark b = new Utf8ValidationBenchmark();
      b.size = size;
      b.text = text;
      b.setUp();
      try {
        byte[] bytes = CodecInputs.utf8Text(size, text.equals("ascii"));
        assertEquals(size, bytes.length);
        assertTrue(isUtf8(bytes), "the input must be valid UTF-8");
        boolean multiByte = false;
        for (byte x : bytes) multiByte |= x < 0;
        assertEquals(text.equals("mixed"), multiByte, "mixed text must contain multi-byte sequences");
        assertEquals(size, b.ours());
        assertEquals(size, b.netty());
      } finally {
        b.tearDown();
      }
    }
  }

  @ParameterizedTest
  @ValueSource(strings = {"ascii", "mixed"})
  void utf8BenchmarkValidatorRejectsAStrayContinuationByte(String text) {
    byte[] bytes = CodecInputs.utf8Text(4096, text.equals("ascii"));
    int ascii = 2000;
    while (bytes[ascii] < 0) ascii++; // a character boundary, so the stray byte has no lead byte
    bytes[ascii] = (byte) 0x80; // a continuation byte with no lead byte is never valid
    assertThrows(ProtocolException.class, () -> Utf8Validator.validate(bytes, 0, bytes.length));
  }

  private static boolean isUtf8(byte[] bytes) {
    try {
      StandardCharsets.UTF_8.newDecoder()
          .onMalformedInput(CodingErrorAction.REPORT)
          .onUnmappableCharacter(CodingErrorAction.REPORT)
          .decode(ByteBuffer.wrap(bytes));
      return true;
    } catch (CharacterCodingException e) {
      return false;
    }
  }

  private static byte[] bytes(ByteBuffer buffer) {
    ByteBuffer b = buffer.duplicate();
    byte[] out = new byte[b.remaining()];
    b.get(out);
    return out;
  }
}
