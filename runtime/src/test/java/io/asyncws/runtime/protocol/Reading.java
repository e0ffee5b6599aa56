package io.asyncws.runtime.protocol;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.ByteBuffer;
import java.util.Arrays;
import java.util.List;
import java.util.Random;

/** Feeds bytes to a {@link FrameReader} in chosen pieces and checks what it reports. */
final class Reading {
  private Reading() {}

  /** 1 MiB: far above every test message unless a test sets its own limits. */
  static final long LIMIT = 1 << 20;

  /** Reads {@code bytes} cut at {@code cuts} (ascending), checking that every piece is consumed. */
  static List<String> inPieces(Role role, byte[] bytes, int... cuts) throws ProtocolException {
    RecordingCallback callback = new RecordingCallback();
    FrameReader reader = new FrameReader(role, LIMIT, LIMIT, callback);
    int from = 0;
    for (int i = 0; i <= cuts.length; i++) {
      int to = i < cuts.length ? cuts[i] : bytes.length;
      ByteBuffer piece = ByteBuffer.wrap(bytes, from, to - from);
      reader.read(piece);
      assertEquals(0, piece.remaining(), "bytes left over in piece " + i);
      from = to;
    }
    return callback.events;
  }

  /**
   * Asserts that {@code bytes} yield {@code expected} read whole, one byte at a time, cut once at
   * every point (for short inputs) and cut at random points.
   */
  static void assertEverySplit(Role role, byte[] bytes, String... expected)
      throws ProtocolException {
    List<String> want = List.of(expected);
    assertEquals(want, inPieces(role, bytes), "read whole");
    assertEquals(want, inPieces(role, bytes, oneByteCuts(bytes.length)), "one byte at a time");
    if (bytes.length <= 1024) {
      for (int cut = 0; cut <= bytes.length; cut++) {
        assertEquals(want, inPieces(role, bytes, cut), "cut at " + cut);
      }
    }
    Random random = new Random(bytes.length);
    for (int round = 0; round < 20; round++) {
      int[] cuts = random.ints(1 + random.nextInt(8), 0, bytes.length + 1).sorted().toArray();
      assertEquals(want, inPieces(role, bytes, cuts), "cut at " + Arrays.toString(cuts));
    }
  }

  /** Asserts that reading {@code bytes}, whole or one byte at a time, fails with {@code code}. */
  static void assertFails(Role role, byte[] bytes, int code) {
    ProtocolException whole = assertThrows(ProtocolException.class, () -> inPieces(role, bytes));
    assertEquals(code, whole.closeCode(), whole.getMessage());
    ProtocolException bytewise =
        assertThrows(
            ProtocolException.class, () -> inPieces(role, bytes, oneByteCuts(bytes.length)));
    assertEquals(code, bytewise.closeCode(), bytewise.getMessage());
  }

  static int[] oneByteCuts(int length) {
    int[] cuts = new int[Math.max(0, length - 1)];
    for (int i = 0; i < cuts.length; i++) cuts[i] = i + 1;
    return cuts;
  }
}
