package io.asyncws.benchmarks.load;

import java.nio.charset.StandardCharsets;
import java.util.SplittableRandom;

/**
 * JSON messages of the echo contract ({@code samples/echo-generated/src/main/asyncapi/echo.yaml}),
 * each exactly {@code size} bytes: {@code {"seq":S,"data":"D"}}, compact and in the contract's
 * property order, with {@code D} drawn from printable ASCII without {@code "} and {@code \}, so
 * that a server that parses the message and writes it again with Jackson sends back the same
 * bytes. {@code S} is unique in the run ({@code seq * connections + id}); {@code D} is a window
 * into a random block at an offset that changes from message to message, and shrinks by a
 * character whenever {@code S} grows by a digit.
 *
 * <p>Unlike {@link PayloadPattern} each message is built, into one of {@code window} slots of its
 * connection, where it stays until its echo has been checked.
 */
final class JsonPayload implements Payloads {
  private static final byte[] SEQ = "{\"seq\":".getBytes(StandardCharsets.US_ASCII);
  private static final byte[] DATA = ",\"data\":\"".getBytes(StandardCharsets.US_ASCII);
  private static final byte[] END = "\"}".getBytes(StandardCharsets.US_ASCII);
  /** The smallest message: {@code {"seq":0,"data":""}}. */
  static final int MIN_SIZE = SEQ.length + 1 + DATA.length + END.length;

  private final int size;
  private final int connections;
  private final byte[] block;

  /** Messages of {@code size} bytes (at least {@link #MIN_SIZE}) for a run of {@code connections}. */
  JsonPayload(int size, int connections) {
    if (size < MIN_SIZE) {
      throw new IllegalArgumentException("JSON messages need at least " + MIN_SIZE + " bytes, not " + size + ".");
    }
    this.size = size;
    this.connections = connections;
    this.block = new byte[size + PayloadPattern.OFFSETS];
    SplittableRandom random = new SplittableRandom(size * 31L + 2);
    for (int i = 0; i < block.length; i++) {
      byte b;
      do {
        b = (byte) ('!' + random.nextInt('~' - '!' + 1));
      } while (b == '"' || b == '\\'); // the two printable characters JSON escapes
      block[i] = b;
    }
  }

  @Override
  public int size() {
    return size;
  }

  @Override
  public Messages forConnection(int id, int window) {
    return new Slots(id, window);
  }

  /** One connection's messages in flight, message {@code seq} in slot {@code seq % window}. */
  private final class Slots implements Messages {
    private final int id;
    private final int window;
    private final byte[] slots;

    Slots(int id, int window) {
      this.id = id;
      this.window = window;
      this.slots = new byte[window * size];
    }

    @Override
    public int prepare(long seq) {
      long unique = seq * connections + id;
      int digits = digits(unique);
      int dataLength = size - MIN_SIZE + 1 - digits;
      if (dataLength < 0) {
        throw new IllegalStateException("Message " + seq + " cannot carry seq " + unique + " in " + size
            + " bytes of JSON; use a larger --size.");
      }
      int at = offset(seq);
      int digitsEnd = put(SEQ, at) + digits;
      long v = unique;
      for (int i = digitsEnd - 1; i >= digitsEnd - digits; i--, v /= 10) slots[i] = (byte) ('0' + v % 10);
      int p = put(DATA, digitsEnd);
      System.arraycopy(block, PayloadPattern.blockOffset(id, seq), slots, p, dataLength);
      put(END, p + dataLength);
      return at;
    }

    @Override
    public int offset(long seq) {
      return (int) (seq % window) * size;
    }

    @Override
    public byte[] array() {
      return slots;
    }

    private int put(byte[] part, int at) {
      System.arraycopy(part, 0, slots, at, part.length);
      return at + part.length;
    }
  }

  /** Decimal digits of {@code v >= 0}. */
  private static int digits(long v) {
    int n = 1;
    while (v >= 10) {
      v /= 10;
      n++;
    }
    return n;
  }
}
