package io.asyncws.benchmarks.load;

import java.util.SplittableRandom;

/**
 * The bytes of every message the load program sends: message {@code seq} of connection {@code id}
 * is a window into one random block, starting at an offset that changes from message to message.
 * Sending is a copy and checking an echo is a vectorised compare, so the client stays cheap even
 * at 64 KiB per message, and an echo that is lost, reordered, duplicated or altered does not match.
 */
public final class PayloadPattern implements Payloads {
  /** Distinct offsets into a block: consecutive messages never share one. */
  static final int OFFSETS = 4099;

  private final byte[] block;
  private final int size;

  /** Patterns of {@code size} bytes: printable ASCII for text, any byte for binary. */
  public PayloadPattern(int size, boolean text) {
    this.size = size;
    this.block = new byte[size + OFFSETS];
    SplittableRandom random = new SplittableRandom(size * 31L + (text ? 1 : 0));
    for (int i = 0; i < block.length; i++) {
      block[i] = text ? (byte) ('!' + random.nextInt('~' - '!' + 1)) : (byte) random.nextInt(256);
    }
  }

  @Override
  public int size() {
    return size;
  }

  /** Windows into the one shared block: nothing is prepared per message. */
  @Override
  public Messages forConnection(int id, int window) {
    return new Messages() {
      @Override
      public int prepare(long seq) {
        return blockOffset(id, seq);
      }

      @Override
      public int offset(long seq) {
        return blockOffset(id, seq);
      }

      @Override
      public byte[] array() {
        return block;
      }
    };
  }

  /**
   * Where message {@code seq} of connection {@code id} starts in a random block of the message
   * size plus {@link #OFFSETS} bytes; {@link JsonPayload} draws its data the same way.
   */
  static int blockOffset(int id, long seq) {
    // 1021 is prime and smaller than OFFSETS (prime), so seq and seq+1 .. seq+4098 all differ.
    return (int) Math.floorMod(seq * 1021 + id * 7919L, (long) OFFSETS);
  }
}
