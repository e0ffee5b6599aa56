package io.asyncws.runtime.protocol;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(value = 30, unit = TimeUnit.SECONDS)
class MaskingTest {
  private static final int KEY = 0x37fa213d; // the key of RFC 6455 §5.7

  @Test
  void masksRfcExampleHello() {
    ByteBuffer buffer = Hex.buffer("48656c6c6f"); // "Hello"
    int offset = Masking.apply(buffer, 0, 5, KEY, 0);
    assertEquals("7f9f4d5158", Hex.of(buffer)); // masked "Hello" of §5.7
    assertEquals(1, offset);
    assertEquals(0, buffer.position());
  }

  @Test
  void unmasksPieceByPieceWithCarriedOffset() {
    ByteBuffer buffer = Hex.buffer("7f9f4d5158");
    int offset = 0;
    for (int i = 0; i < 5; i++) offset = Masking.apply(buffer, i, i + 1, KEY, offset);
    assertEquals("48656c6c6f", Hex.of(buffer)); // "Hello"
  }

  @Test
  void matchesBytewiseMaskForEveryLengthOffsetAndByteOrder() {
    Random random = new Random(6455);
    for (ByteOrder order : new ByteOrder[] {ByteOrder.BIG_ENDIAN, ByteOrder.LITTLE_ENDIAN}) {
      for (boolean direct : new boolean[] {false, true}) {
        for (int length = 0; length <= 40; length++) {
          for (int from = 0; from <= 3; from++) {
            for (int maskOffset = 0; maskOffset <= 3; maskOffset++) {
              byte[] data = new byte[from + length + 3];
              random.nextBytes(data);
              int key = random.nextInt();
              byte[] expected = data.clone();
              for (int i = 0; i < length; i++) {
                int keyByte = key >>> (24 - 8 * ((maskOffset + i) & 3));
                expected[from + i] ^= (byte) keyByte;
              }
              int size = data.length;
              ByteBuffer buffer =
                  (direct ? ByteBuffer.allocateDirect(size) : ByteBuffer.allocate(size)).order(order);
              buffer.put(data).flip();
              int next = Masking.apply(buffer, from, from + length, key, maskOffset);
              byte[] actual = new byte[data.length];
              buffer.get(actual);
              assertArrayEquals(expected, actual, "length " + length + " offset " + maskOffset);
              assertEquals((maskOffset + length) & 3, next);
            }
          }
        }
      }
    }
  }
}
