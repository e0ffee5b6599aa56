package io.asyncws.runtime.protocol;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;

/**
 * Strict, incremental UTF-8 validation (RFC 3629) of a byte stream fed in pieces of any size.
 *
 * <p>A text message must fail the connection with 1007 as soon as an invalid byte arrives, not
 * when the message is complete (RFC 6455 §8.1; Autobahn cases 6.4.x), so the validator keeps its
 * state between {@link #feed} calls and throws at the first byte that cannot continue a valid
 * sequence: overlong forms, UTF-16 surrogates (U+D800-U+DFFF), code points above U+10FFFF, stray
 * or missing continuation bytes, and the bytes C0, C1, F5-FF that never occur in UTF-8.
 *
 * <p>It is a deterministic automaton driven by two tables (byte → class, state × class → state),
 * with a fast path that skips 8 ASCII bytes at a time between sequences.
 *
 * <p>Not thread-safe; one instance per stream.
 */
public final class Utf8Validator {
  // Byte classes: which bytes behave alike in every state.
  private static final int C_ASCII = 0; // 00-7F
  private static final int C_CONT_80_8F = 1; // continuation bytes, split by the ranges that
  private static final int C_CONT_90_9F = 2; // the leads E0, ED, F0 and F4 restrict
  private static final int C_CONT_A0_BF = 3;
  private static final int C_NEVER = 4; // C0, C1 (only overlongs), F5-FF (above U+10FFFF)
  private static final int C_LEAD2 = 5; // C2-DF
  private static final int C_E0 = 6; // next byte A0-BF, else overlong
  private static final int C_LEAD3 = 7; // E1-EC, EE, EF
  private static final int C_ED = 8; // next byte 80-9F, else a surrogate
  private static final int C_F0 = 9; // next byte 90-BF, else overlong
  private static final int C_LEAD4 = 10; // F1-F3
  private static final int C_F4 = 11; // next byte 80-8F, else above U+10FFFF
  private static final int CLASSES = 12;

  // States, stored premultiplied by CLASSES so that a transition is one add and one load.
  private static final int ACCEPT = 0; // between sequences
  private static final int REJECT = 1 * CLASSES;
  private static final int NEED1 = 2 * CLASSES; // any continuation byte, then done
  private static final int NEED2 = 3 * CLASSES;
  private static final int NEED3 = 4 * CLASSES;
  private static final int AFTER_E0 = 5 * CLASSES;
  private static final int AFTER_ED = 6 * CLASSES;
  private static final int AFTER_F0 = 7 * CLASSES;
  private static final int AFTER_F4 = 8 * CLASSES;
  private static final int STATES = 9;

  /** Reads 8 bytes of an array at once, for the ASCII fast path. */
  private static final VarHandle LONGS =
      MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);

  private static final long HIGH_BITS = 0x8080_8080_8080_8080L;

  private static final byte[] CLASS_OF = new byte[256];
  private static final byte[] NEXT = new byte[STATES * CLASSES];

  static {
    for (int b = 0; b < 256; b++) CLASS_OF[b] = (byte) classOf(b);
    for (int i = 0; i < NEXT.length; i++) NEXT[i] = (byte) REJECT;
    to(ACCEPT, C_ASCII, ACCEPT);
    to(ACCEPT, C_LEAD2, NEED1);
    to(ACCEPT, C_E0, AFTER_E0);
    to(ACCEPT, C_LEAD3, NEED2);
    to(ACCEPT, C_ED, AFTER_ED);
    to(ACCEPT, C_F0, AFTER_F0);
    to(ACCEPT, C_LEAD4, NEED3);
    to(ACCEPT, C_F4, AFTER_F4);
    for (int c : new int[] {C_CONT_80_8F, C_CONT_90_9F, C_CONT_A0_BF}) {
      to(NEED1, c, ACCEPT);
      to(NEED2, c, NEED1);
      to(NEED3, c, NEED2);
    }
    to(AFTER_E0, C_CONT_A0_BF, NEED1);
    to(AFTER_ED, C_CONT_80_8F, NEED1);
    to(AFTER_ED, C_CONT_90_9F, NEED1);
    to(AFTER_F0, C_CONT_90_9F, NEED2);
    to(AFTER_F0, C_CONT_A0_BF, NEED2);
    to(AFTER_F4, C_CONT_80_8F, NEED2);
  }

  private static int classOf(int b) {
    if (b < 0x80) return C_ASCII;
    if (b < 0x90) return C_CONT_80_8F;
    if (b < 0xA0) return C_CONT_90_9F;
    if (b < 0xC0) return C_CONT_A0_BF;
    if (b < 0xC2) return C_NEVER;
    if (b < 0xE0) return C_LEAD2;
    if (b == 0xE0) return C_E0;
    if (b == 0xED) return C_ED;
    if (b < 0xF0) return C_LEAD3;
    if (b == 0xF0) return C_F0;
    if (b < 0xF4) return C_LEAD4;
    if (b == 0xF4) return C_F4;
    return C_NEVER;
  }

  private static void to(int state, int byteClass, int next) {
    NEXT[state + byteClass] = (byte) next;
  }

  private int state = ACCEPT;
  /** Bytes accepted since the last reset, to say where an error is. */
  private long offset;

  /**
   * Validates {@code length} bytes of {@code bytes} from {@code start}, continuing the sequence
   * left open by the previous call.
   *
   * @throws ProtocolException with {@link CloseCodes#INVALID_PAYLOAD} at the first byte that makes
   *     the stream invalid; the validator must be {@link #reset} before it is used again
   */
  public void feed(byte[] bytes, int start, int length) throws ProtocolException {
    int s = state;
    int i = start;
    int end = start + length;
    while (i < end) {
      if (s == ACCEPT) {
        for (int end8 = end - 7; i < end8 && ((long) LONGS.get(bytes, i) & HIGH_BITS) == 0; ) {
          i += 8;
        }
        if (i == end) break;
      }
      int b = bytes[i] & 0xFF;
      s = NEXT[s + CLASS_OF[b]];
      if (s == REJECT) {
        state = REJECT;
        throw new ProtocolException(
            CloseCodes.INVALID_PAYLOAD,
            String.format(
                "Text is not valid UTF-8: byte 0x%02X at offset %d cannot appear there.",
                b, offset + (i - start)));
      }
      i++;
    }
    state = s;
    offset += length;
  }

  /**
   * Validates the bytes between {@code chunk}'s position and limit; does not move its position.
   * Heap buffers are read in place, direct buffers are copied first.
   *
   * @throws ProtocolException as {@link #feed(byte[], int, int)}
   */
  public void feed(ByteBuffer chunk) throws ProtocolException {
    if (chunk.hasArray()) {
      feed(chunk.array(), chunk.arrayOffset() + chunk.position(), chunk.remaining());
    } else {
      byte[] copy = new byte[chunk.remaining()];
      chunk.get(chunk.position(), copy);
      feed(copy, 0, copy.length);
    }
  }

  /**
   * Declares the end of the stream and resets the validator.
   *
   * @throws ProtocolException with {@link CloseCodes#INVALID_PAYLOAD} if the stream ends inside
   *     a multi-byte sequence
   */
  public void finish() throws ProtocolException {
    boolean complete = state == ACCEPT;
    long end = offset;
    reset();
    if (!complete) {
      throw new ProtocolException(
          CloseCodes.INVALID_PAYLOAD,
          "Text is not valid UTF-8: it ends at offset " + end + " inside a multi-byte sequence.");
    }
  }

  /** Forgets all bytes fed so far, to validate a new stream. */
  public void reset() {
    state = ACCEPT;
    offset = 0;
  }

  /**
   * Validates one whole byte sequence.
   *
   * @throws ProtocolException with {@link CloseCodes#INVALID_PAYLOAD} if it is not valid UTF-8
   */
  public static void validate(byte[] bytes, int start, int length) throws ProtocolException {
    Utf8Validator validator = new Utf8Validator();
    validator.feed(bytes, start, length);
    validator.finish();
  }
}
