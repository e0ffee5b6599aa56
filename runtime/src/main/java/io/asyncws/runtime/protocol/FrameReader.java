package io.asyncws.runtime.protocol;

import static io.asyncws.runtime.protocol.WebSocketProtocol.B0_FLAG_FIN;
import static io.asyncws.runtime.protocol.WebSocketProtocol.B0_FLAG_RSV1;
import static io.asyncws.runtime.protocol.WebSocketProtocol.B0_FLAG_RSV2;
import static io.asyncws.runtime.protocol.WebSocketProtocol.B0_FLAG_RSV3;
import static io.asyncws.runtime.protocol.WebSocketProtocol.B0_MASK_OPCODE;
import static io.asyncws.runtime.protocol.WebSocketProtocol.B1_FLAG_MASK;
import static io.asyncws.runtime.protocol.WebSocketProtocol.B1_MASK_LENGTH;
import static io.asyncws.runtime.protocol.WebSocketProtocol.CONTROL_PAYLOAD_MAX;
import static io.asyncws.runtime.protocol.WebSocketProtocol.OPCODE_BINARY;
import static io.asyncws.runtime.protocol.WebSocketProtocol.OPCODE_CLOSE;
import static io.asyncws.runtime.protocol.WebSocketProtocol.OPCODE_CONTINUATION;
import static io.asyncws.runtime.protocol.WebSocketProtocol.OPCODE_PING;
import static io.asyncws.runtime.protocol.WebSocketProtocol.OPCODE_PONG;
import static io.asyncws.runtime.protocol.WebSocketProtocol.OPCODE_TEXT;
import static io.asyncws.runtime.protocol.WebSocketProtocol.PAYLOAD_LONG;
import static io.asyncws.runtime.protocol.WebSocketProtocol.PAYLOAD_SHORT;
import static io.asyncws.runtime.protocol.WebSocketProtocol.isControl;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Objects;

/**
 * Reads RFC 6455 frames from a byte stream delivered in pieces of any size, reassembles
 * fragmented messages, and reports each whole message and each control frame to a {@link
 * FrameCallback}.
 *
 * <p>The reader is a resumable state machine (header byte 0 → header byte 1 → extended length →
 * mask key → payload): {@link #read} consumes every byte it is given and picks up where it left
 * off on the next call, because NIO delivers partial reads. Every violation of the protocol fails
 * with a {@link ProtocolException} carrying the close code to send; after that the reader is dead.
 *
 * <p>Limits are enforced before memory is committed: a frame longer than {@code maxFrameSize} or
 * one that would take the message past {@code maxMessageSize} fails with 1009 as soon as its
 * header is read, and the message buffer grows only as payload bytes actually arrive, so a peer
 * cannot make us allocate much by announcing a long frame. Text is validated as UTF-8 as its
 * bytes arrive, so invalid text fails with 1007 without waiting for the end of the message.
 *
 * <p>Buffers: {@link FrameCallback#onBinary}, {@link FrameCallback#onPing} and {@link
 * FrameCallback#onPong} receive a heap buffer that nothing else references, positioned at 0 with
 * the payload between position and limit; the callee may keep or modify it. The reader keeps one
 * growable message buffer and reuses it from message to message, releasing it when a message
 * made it larger than 64 KiB.
 *
 * <p>With permessage-deflate negotiated (a {@link MessageInflater} given), a data message whose
 * first frame sets RSV1 is decompressed as its payload arrives, a chunk at a time, and {@code
 * maxMessageSize} bounds the decompressed bytes as they are produced: a decompression bomb fails
 * with 1009 having allocated no more than the limit. Decompressed text is validated like any
 * other.
 *
 * <p>A Close frame ends the stream: the peer may send nothing after it (§5.5.1), so the reader
 * consumes and discards whatever follows, and the callback hears nothing more.
 *
 * <p>Not thread-safe: a connection's reader is used by one thread at a time, the one that reads
 * its socket; the callback runs on that thread, inside {@link #read}.
 */
public final class FrameReader {
  /** A message is buffered in one array; JVMs refuse arrays slightly shorter than 2^31. */
  private static final long BUFFERABLE_MAX = Integer.MAX_VALUE - 8;
  /** 64 KiB: enough for most messages; a rare big one should not pin its memory for good. */
  private static final int RETAINED_BUFFER_MAX = 64 << 10;
  /** The first allocation of the message buffer, so small messages do not grow it byte by byte. */
  private static final int MIN_BUFFER = 256;
  /** {@link #messageOpcode} when no data message is in progress. */
  private static final int NO_MESSAGE = -1;
  private static final byte[] EMPTY = new byte[0];
  /**
   * Compressed payload may exceed the frame and message limits by 1/128 of them: incompressible
   * data grows under DEFLATE, by 5 bytes per stored block, and zlib at its smallest memLevel
   * (Python websockets' default) stores 2 KiB blocks, a growth of 0.25%. The limits are about
   * memory, and compressed bytes are not buffered: the inflated message is what is bounded.
   */
  private static final int DEFLATE_GROWTH_DIVISOR = 128;
  /** 8 KiB: how much compressed payload is unmasked at a time before it is inflated. */
  private static final int COMPRESSED_CHUNK = 8 << 10;

  private enum State {
    HEADER_BYTE0,
    HEADER_BYTE1,
    EXTENDED_LENGTH,
    MASK_KEY,
    PAYLOAD,
    CLOSED,
    FAILED
  }

  private final Role role;
  private final long maxFrameSize;
  private final long maxMessageSize;
  private final FrameCallback callback;
  /** Made by the first text message: a connection that only idles or sends binary needs none. */
  private Utf8Validator utf8;
  /** Null when no extension compresses messages; then RSV1 is a protocol error. */
  private final MessageInflater inflater;
  /** Null with {@link #inflater}. */
  private final MessageInflater.Sink inflatedSink;
  /** Compressed payload is unmasked here, a piece at a time, on its way to the inflater. */
  private byte[] compressedChunk = EMPTY;

  private State state = State.HEADER_BYTE0;

  // The frame being read.
  private boolean fin;
  private int opcode;
  private boolean masked;
  private int maskKey;
  /** Index of the mask key byte for the next payload byte; carries across partial reads. */
  private int maskOffset;
  private long payloadRemaining;
  /** The extended length or mask key, gathered byte by byte since it may arrive split. */
  private long pending;
  private int pendingBytes;

  // The data message being reassembled.
  private int messageOpcode = NO_MESSAGE;
  private byte[] message = EMPTY;
  /** Wraps {@link #message}; null while that is {@link #EMPTY}, as on an idle connection. */
  private ByteBuffer messageView;
  private int messageLength;
  /** Whether the message in progress had RSV1 set: its payload goes through the inflater. */
  private boolean messageCompressed;
  /** Bytes of compressed payload received for the message in progress. */
  private long compressedLength;

  // A control frame's payload, separate from the message because control frames may arrive
  // between the fragments of a message. Allocated at its exact length (never above 125 bytes)
  // when its header is read and handed to the callback as it is, so no buffer stays behind.
  private byte[] control = EMPTY;
  private ByteBuffer controlView;
  private int controlLength;

  private boolean pauseRequested;

  /**
   * A reader for one connection.
   *
   * @param role which end this is: a server requires masked frames, a client unmasked ones
   * @param maxFrameSize largest payload of one frame, control frames included; larger ones fail
   *     with 1009
   * @param maxMessageSize largest reassembled data message; larger ones fail with 1009 (capped at
   *     what one Java array can hold)
   * @param callback receives messages and control frames, on the thread that calls {@link #read}
   */
  public FrameReader(Role role, long maxFrameSize, long maxMessageSize, FrameCallback callback) {
    this(role, maxFrameSize, maxMessageSize, callback, null);
  }

  /**
   * A reader for one connection that negotiated a compressing extension (permessage-deflate):
   * data messages whose first frame has RSV1 set are decompressed through {@code inflater}, and
   * {@code maxMessageSize} bounds their decompressed size as the output is produced. RSV1 stays
   * an error on continuation and control frames (RFC 7692 §6).
   *
   * @param inflater decompresses RSV1 messages; null when no such extension was negotiated
   */
  public FrameReader(
      Role role,
      long maxFrameSize,
      long maxMessageSize,
      FrameCallback callback,
      MessageInflater inflater) {
    this.inflater = inflater;
    this.inflatedSink = inflater == null ? null : this::appendInflated;
    this.role = Objects.requireNonNull(role, "role");
    this.callback = Objects.requireNonNull(callback, "callback");
    if (maxFrameSize <= 0 || maxMessageSize <= 0) {
      throw new IllegalArgumentException(
          "Limits must be positive: maxFrameSize=" + maxFrameSize + ", maxMessageSize="
              + maxMessageSize);
    }
    this.maxFrameSize = maxFrameSize;
    this.maxMessageSize = Math.min(maxMessageSize, BUFFERABLE_MAX);
  }

  /**
   * Makes the current {@link #read} return right after the frame being delivered, leaving the
   * bytes after it in the input buffer. Called from a callback when the application cannot take
   * more for now (its write queue is full); the next {@code read} carries on where this one
   * stopped.
   */
  public void pause() {
    pauseRequested = true;
  }

  /**
   * Consumes every remaining byte of {@code in}, calling the callback for each message or control
   * frame completed by them, unless a callback calls {@link #pause()}. A frame cut off at the end
   * of {@code in} is completed by later calls; {@code in} may be a heap, direct or read-only
   * buffer and is not retained.
   *
   * @throws ProtocolException when the peer broke the protocol; the reader must not be used again
   * @throws IllegalStateException when called after a {@link ProtocolException}
   */
  public void read(ByteBuffer in) throws ProtocolException {
    if (state == State.FAILED) {
      throw new IllegalStateException("This reader failed earlier; the connection must be closed.");
    }
    pauseRequested = false;
    try {
      while (true) {
        switch (state) {
          case HEADER_BYTE0:
            if (!in.hasRemaining()) return;
            readByte0(in.get() & 0xFF);
            break;
          case HEADER_BYTE1:
            if (!in.hasRemaining()) return;
            readByte1(in.get() & 0xFF);
            break;
          case EXTENDED_LENGTH:
            if (!gather(in)) return;
            startPayload(pending);
            break;
          case MASK_KEY:
            if (!gather(in)) return;
            maskKey = (int) pending;
            state = State.PAYLOAD;
            break;
          case PAYLOAD:
            readPayload(in);
            if (payloadRemaining > 0) return;
            endFrame();
            if (pauseRequested) return;
            break;
          case CLOSED:
            in.position(in.limit());
            return;
          default:
            throw new AssertionError(state);
        }
      }
    } catch (ProtocolException e) {
      state = State.FAILED;
      throw e;
    }
  }

  private void readByte0(int b0) throws ProtocolException {
    fin = (b0 & B0_FLAG_FIN) != 0;
    opcode = b0 & B0_MASK_OPCODE;
    boolean compressed = checkReservedBits(b0);
    switch (opcode) {
      case OPCODE_CLOSE, OPCODE_PING, OPCODE_PONG -> {
        if (!fin) {
          fail(CloseCodes.PROTOCOL_ERROR, "A control frame must not be fragmented (FIN=0).");
        }
      }
      case OPCODE_CONTINUATION -> {
        if (messageOpcode == NO_MESSAGE) {
          fail(CloseCodes.PROTOCOL_ERROR, "A continuation frame arrived but no message was begun.");
        }
      }
      case OPCODE_TEXT, OPCODE_BINARY -> {
        if (messageOpcode != NO_MESSAGE) {
          fail(
              CloseCodes.PROTOCOL_ERROR,
              "A new message began before the fragmented message in progress was finished.");
        }
        messageOpcode = opcode;
        messageLength = 0;
        messageCompressed = compressed;
        compressedLength = 0;
        if (opcode == OPCODE_TEXT) {
          if (utf8 == null) utf8 = new Utf8Validator();
          utf8.reset();
        }
      }
      default -> fail(CloseCodes.PROTOCOL_ERROR, String.format("Unknown opcode 0x%X.", opcode));
    }
    state = State.HEADER_BYTE1;
  }

  /**
   * The one place that decides which reserved bits a frame may set: RSV1 on the first frame of a
   * data message when permessage-deflate was negotiated (RFC 7692 §6), nothing else.
   *
   * @return whether the frame is the compressed first frame of a message
   */
  private boolean checkReservedBits(int b0) throws ProtocolException {
    boolean rsv1 = (b0 & B0_FLAG_RSV1) != 0;
    int others = b0 & (B0_FLAG_RSV2 | B0_FLAG_RSV3);
    if (others != 0 || (rsv1 && inflater == null)) {
      fail(
          CloseCodes.PROTOCOL_ERROR,
          String.format(
              "Reserved bits 0x%02X are set but no extension was negotiated for them.",
              b0 & (B0_FLAG_RSV1 | others)));
    }
    if (rsv1 && opcode != OPCODE_TEXT && opcode != OPCODE_BINARY) {
      fail(
          CloseCodes.PROTOCOL_ERROR,
          String.format(
              "RSV1 is set on a frame with opcode 0x%X; only a message's first frame may set it.",
              opcode));
    }
    return rsv1;
  }

  private void readByte1(int b1) throws ProtocolException {
    masked = (b1 & B1_FLAG_MASK) != 0;
    if (role == Role.SERVER && !masked) {
      fail(CloseCodes.PROTOCOL_ERROR, "A client sent an unmasked frame; clients must mask.");
    }
    if (role == Role.CLIENT && masked) {
      fail(CloseCodes.PROTOCOL_ERROR, "A server sent a masked frame; servers must not mask.");
    }
    int length = b1 & B1_MASK_LENGTH;
    if (isControl(opcode) && length > CONTROL_PAYLOAD_MAX) {
      fail(CloseCodes.PROTOCOL_ERROR, "A control frame's payload exceeds 125 bytes.");
    }
    if (length == PAYLOAD_SHORT) {
      expect(2, State.EXTENDED_LENGTH);
    } else if (length == PAYLOAD_LONG) {
      expect(8, State.EXTENDED_LENGTH);
    } else {
      startPayload(length);
    }
  }

  /** Checks the limits against a frame's length, known now, before any payload is buffered. */
  private void startPayload(long length) throws ProtocolException {
    if (length < 0) {
      fail(CloseCodes.PROTOCOL_ERROR, "The 64-bit payload length has its top bit set.");
    }
    // A compressed message's wire bytes are bounded like a plain one's, with room for DEFLATE's
    // growth; its output is bounded as it is inflated (appendInflated).
    boolean compressed = !isControl(opcode) && messageCompressed;
    long frameLimit = compressed ? withDeflateGrowth(maxFrameSize) : maxFrameSize;
    if (length > frameLimit) {
      fail(
          CloseCodes.MESSAGE_TOO_BIG,
          "A frame of " + length + " bytes exceeds the limit of " + frameLimit + " bytes.");
    }
    long received = compressed ? compressedLength : messageLength;
    long messageLimit = compressed ? withDeflateGrowth(maxMessageSize) : maxMessageSize;
    if (!isControl(opcode) && length > messageLimit - received) {
      fail(
          CloseCodes.MESSAGE_TOO_BIG,
          "A message of more than " + (received + length) + " bytes exceeds the limit of "
              + messageLimit + " bytes.");
    }
    payloadRemaining = length;
    maskOffset = 0;
    if (isControl(opcode)) {
      controlLength = 0;
      control = length == 0 ? EMPTY : new byte[(int) length];
      controlView = ByteBuffer.wrap(control);
    }
    if (masked) {
      expect(4, State.MASK_KEY);
    } else {
      state = State.PAYLOAD;
    }
  }

  private static long withDeflateGrowth(long limit) {
    return limit + limit / DEFLATE_GROWTH_DIVISOR;
  }

  private void expect(int bytes, State next) {
    pending = 0;
    pendingBytes = bytes;
    state = next;
  }

  /** Adds bytes of {@code in} to {@link #pending}, big-endian; true once all have arrived. */
  private boolean gather(ByteBuffer in) {
    while (pendingBytes > 0 && in.hasRemaining()) {
      pending = (pending << 8) | (in.get() & 0xFF);
      pendingBytes--;
    }
    return pendingBytes == 0;
  }

  private void readPayload(ByteBuffer in) throws ProtocolException {
    int n = (int) Math.min(in.remaining(), payloadRemaining);
    if (n == 0) return;
    if (!isControl(opcode) && messageCompressed) {
      readCompressed(in, n);
      return;
    }
    if (isControl(opcode)) {
      in.get(control, controlLength, n);
      unmask(controlView, controlLength, n);
      controlLength += n;
    } else {
      ensureCapacity(messageLength + n);
      in.get(message, messageLength, n);
      unmask(messageView, messageLength, n);
      // Validate now, not at the end: invalid text must fail before the rest arrives.
      if (messageOpcode == OPCODE_TEXT) utf8.feed(message, messageLength, n);
      messageLength += n;
    }
    payloadRemaining -= n;
  }

  /** Unmasks {@code n} payload bytes a chunk at a time and inflates them into the message. */
  private void readCompressed(ByteBuffer in, int n) throws ProtocolException {
    if (compressedChunk.length == 0) compressedChunk = new byte[COMPRESSED_CHUNK];
    ByteBuffer view = ByteBuffer.wrap(compressedChunk);
    int left = n;
    while (left > 0) {
      int piece = Math.min(left, compressedChunk.length);
      in.get(compressedChunk, 0, piece);
      unmask(view, 0, piece);
      inflater.inflate(compressedChunk, 0, piece, inflatedSink);
      left -= piece;
      compressedLength += piece;
      payloadRemaining -= piece;
    }
  }

  /**
   * Takes decompressed bytes into the message: refused with 1009 once the message would pass its
   * limit, so a small compressed payload cannot make us allocate more than the limit.
   */
  private void appendInflated(byte[] bytes, int offset, int n) throws ProtocolException {
    if (n > maxMessageSize - messageLength) {
      fail(
          CloseCodes.MESSAGE_TOO_BIG,
          "A compressed message inflates to more than the limit of " + maxMessageSize
              + " bytes.");
    }
    int needed = messageLength + n;
    if (needed > message.length) {
      long capacity =
          Math.min(Math.max(Math.max(needed, 2L * message.length), MIN_BUFFER), maxMessageSize);
      setMessage(Arrays.copyOf(message, (int) capacity));
    }
    System.arraycopy(bytes, offset, message, messageLength, n);
    if (messageOpcode == OPCODE_TEXT) utf8.feed(message, messageLength, n);
    messageLength = needed;
  }

  private void unmask(ByteBuffer view, int from, int n) {
    if (masked) maskOffset = Masking.apply(view, from, from + n, maskKey, maskOffset);
  }

  /**
   * Grows the message buffer to hold {@code needed} bytes. It doubles, to keep copying linear
   * over many fragments, but never past the end of a final frame, so a message that ends in one
   * frame usually fills the buffer exactly and is handed over without a copy.
   */
  private void ensureCapacity(int needed) {
    if (needed <= message.length) return;
    long limit = fin ? messageLength + payloadRemaining : maxMessageSize;
    long capacity = Math.min(Math.max(Math.max(needed, 2L * message.length), MIN_BUFFER), limit);
    setMessage(Arrays.copyOf(message, (int) capacity));
  }

  private void endFrame() throws ProtocolException {
    state = State.HEADER_BYTE0;
    switch (opcode) {
      case OPCODE_PING -> callback.onPing(takeControl());
      case OPCODE_PONG -> callback.onPong(takeControl());
      case OPCODE_CLOSE -> endClose();
      default -> {
        if (fin) endMessage();
      }
    }
  }

  private void endMessage() throws ProtocolException {
    if (messageCompressed) inflater.endMessage(inflatedSink);
    int type = messageOpcode;
    messageOpcode = NO_MESSAGE;
    if (type == OPCODE_TEXT) {
      utf8.finish();
      String text = new String(message, 0, messageLength, StandardCharsets.UTF_8);
      releaseIfLarge();
      callback.onText(text);
    } else {
      ByteBuffer data;
      if (messageLength == message.length) {
        // The buffer is exactly the message: hand it over and start afresh next time.
        data = messageView == null ? ByteBuffer.wrap(message) : messageView;
        setMessage(EMPTY);
      } else {
        data = ByteBuffer.wrap(Arrays.copyOf(message, messageLength));
        releaseIfLarge();
      }
      callback.onBinary(data);
    }
  }

  private void releaseIfLarge() {
    if (message.length > RETAINED_BUFFER_MAX) setMessage(EMPTY);
  }

  private void setMessage(byte[] buffer) {
    message = buffer;
    messageView = buffer.length == 0 ? null : ByteBuffer.wrap(buffer);
  }

  /** The control frame's whole payload, unmasked, at position 0; the reader lets go of it. */
  private ByteBuffer takeControl() {
    ByteBuffer payload = controlView;
    control = EMPTY;
    controlView = null;
    return payload;
  }

  /** Validates a Close frame's payload (§5.5.1, §7.4) and reports it. */
  private void endClose() throws ProtocolException {
    state = State.CLOSED;
    if (controlLength == 0) {
      callback.onClose(CloseCodes.NO_STATUS_RECEIVED, "");
      return;
    }
    if (controlLength == 1) {
      fail(CloseCodes.PROTOCOL_ERROR, "A Close frame's payload is 1 byte; a status code takes 2.");
    }
    int code = ((control[0] & 0xFF) << 8) | (control[1] & 0xFF);
    if (!CloseCodes.isValidOnWire(code)) {
      fail(CloseCodes.PROTOCOL_ERROR, "A Close frame carries the status code " + code
          + ", which may not be sent.");
    }
    Utf8Validator.validate(control, 2, controlLength - 2);
    String reason = new String(control, 2, controlLength - 2, StandardCharsets.UTF_8);
    takeControl();
    callback.onClose(code, reason);
  }

  private static void fail(int closeCode, String message) throws ProtocolException {
    throw new ProtocolException(closeCode, message);
  }
}
