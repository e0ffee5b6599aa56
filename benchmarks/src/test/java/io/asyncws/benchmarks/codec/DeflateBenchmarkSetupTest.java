package io.asyncws.benchmarks.codec;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.asyncws.runtime.protocol.ProtocolException;
import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.TimeUnit;
import java.util.zip.DataFormatException;
import java.util.zip.Inflater;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Runs the permessage-deflate benchmark's setup and invocations outside JMH and checks that both
 * codecs really compress and inflate the same JSON, so a benchmark timing a no-op or an error path
 * fails the build instead of publishing a number.
 */
@Timeout(value = 30, unit = TimeUnit.SECONDS)
class DeflateBenchmarkSetupTest {
  /** RFC 7692 §7.2.2: the tail a sender strips and a receiver appends before inflating. */
  private static final byte[] TAIL = {0x00, 0x00, (byte) 0xFF, (byte) 0xFF};

  @Test
  void jsonInputIsAsciiJsonOfExactlyTheAskedSize() {
    for (int size : new int[] {64, 1024, 65536}) {
      byte[] json = CodecInputs.jsonText(size);
      assertEquals(size, json.length);
      String text = new String(json, StandardCharsets.US_ASCII);
      assertTrue(text.startsWith("[{\"symbol\":\""), text.substring(0, 20));
      for (byte b : json) assertTrue(b > 0, "ASCII only");
    }
  }

  @ParameterizedTest
  @ValueSource(ints = {64, 1024, 16384, 65536})
  void deflateBenchmarkCompressesAndInflatesTheSameJsonWithBothCodecs(int size) throws Exception {
    DeflateBenchmark b = new DeflateBenchmark();
    b.size = size;
    b.setUp();
    try {
      byte[] text = b.text();
      assertArrayEquals(CodecInputs.jsonText(size), text);
      // The first message of each compressor depends on nothing before it: a fresh inflater reads it.
      assertArrayEquals(text, inflateFresh(bytes(b.compressOurs())));
      DeflateBenchmark.Compressed netty = b.nettyCompressedFrame();
      assertEquals(0x4, netty.rsv(), "Netty's frame must have RSV1 set");
      assertArrayEquals(text, inflateFresh(netty.payload()));
      if (size >= 1024) {
        assertTrue(netty.payload().length < size / 2, "JSON must compress to under half");
      }
      // Twice each: the inflaters keep their context from message to message.
      for (int i = 0; i < 2; i++) {
        assertArrayEquals(text, b.oursInflated());
        assertArrayEquals(text, b.nettyInflated());
        assertEquals(size, b.inflateOurs());
        assertEquals(size, b.inflateNetty());
      }
      assertTrue(b.compressNetty() > 0);
    } finally {
      b.tearDown();
    }
  }

  private static byte[] inflateFresh(byte[] compressed) throws DataFormatException, ProtocolException {
    Inflater inflater = new Inflater(true);
    try {
      byte[] input = new byte[compressed.length + TAIL.length];
      System.arraycopy(compressed, 0, input, 0, compressed.length);
      System.arraycopy(TAIL, 0, input, compressed.length, TAIL.length);
      inflater.setInput(input);
      ByteArrayOutputStream out = new ByteArrayOutputStream();
      byte[] chunk = new byte[4096];
      for (int n; (n = inflater.inflate(chunk)) > 0; ) out.write(chunk, 0, n);
      return out.toByteArray();
    } finally {
      inflater.end();
    }
  }

  private static byte[] bytes(ByteBuffer buffer) {
    ByteBuffer b = buffer.duplicate();
    byte[] out = new byte[b.remaining()];
    b.get(out);
    return out;
  }
}
