package io.asyncws.benchmarks.load;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.SelectionKey;
import java.nio.channels.SocketChannel;
import java.util.Arrays;
import java.util.SplittableRandom;

/**
 * One connection of the echo load: sends numbered messages, keeps at most {@code window} in
 * flight, and checks every echoed frame byte for byte, in order, as it arrives (no reassembly
 * buffer: a 64 KiB echo is compared piece by piece).
 *
 * <p>Only the selector thread that drives it (the load program's or the soak test's) uses it.
 */
public final class EchoConnection {
  /** What a connection reports to its load driver. */
  public interface Events {
    /** The oldest message in flight came back whole and correct, {@code latencyNanos} after it was queued. */
    void echoed(long latencyNanos);
  }

  private enum State { HEADER, PAYLOAD, CONTROL }

  private final int id;
  private final SocketChannel channel;
  private final SelectionKey key;
  private final Payloads.Messages messages;
  private final int size;
  private final int opcode;
  private final long[] sentAt;
  private final ByteBuffer in;
  private final ByteBuffer out;
  private final SplittableRandom maskKeys;
  private final Events events;

  private long nextSend;
  private long nextEcho;
  private String failure;
  private boolean closeSent;
  private boolean closeReceived;

  // The frame being read.
  private State state = State.HEADER;
  private int frameOpcode;
  private boolean frameFin;
  private long frameRemaining;
  /** Bytes of the current echo checked so far; an echo may span several frames. */
  private int echoOffset;
  private boolean inEcho;
  private final byte[] control = new byte[125];
  private int controlLength;

  public EchoConnection(
      int id, SocketChannel channel, SelectionKey key, Payloads payloads, boolean binary,
      int window, ByteBuffer leftover, Events events) {
    this.id = id;
    this.channel = channel;
    this.key = key;
    this.messages = payloads.forConnection(id, window);
    this.size = payloads.size();
    this.opcode = binary ? ClientFrames.OPCODE_BINARY : ClientFrames.OPCODE_TEXT;
    this.sentAt = new long[window];
    // Reads of up to 256 KiB: a few 64 KiB echoes per system call, as a real client would.
    this.in = ByteBuffer.allocate(Math.max(256 << 10, leftover.remaining()));
    this.in.put(leftover);
    this.out = ByteBuffer.allocateDirect(window * (size + ClientFrames.HEADER_MAX) + 256);
    this.maskKeys = new SplittableRandom(id * 0x9E3779B97F4A7C15L + 1);
    this.events = events;
  }

  /** Messages sent and not yet echoed. */
  public int inFlight() {
    return (int) (nextSend - nextEcho);
  }

  /** Why this connection stopped, or null while it is fine. */
  public String failure() {
    return failure;
  }

  /** Whether the server answered our Close. */
  public boolean closed() {
    return closeReceived;
  }

  /** Queues messages until the window is full, then writes what it can. */
  public void fillWindow() throws IOException {
    if (failure != null || closeSent) return;
    while (inFlight() < sentAt.length) {
      int from;
      try {
        from = messages.prepare(nextSend);
      } catch (IllegalStateException e) {
        fail(e.getMessage());
        return;
      }
      sentAt[(int) (nextSend % sentAt.length)] = System.nanoTime();
      ClientFrames.append(out, opcode, messages.array(), from, size, ClientFrames.maskKey(maskKeys));
      nextSend++;
    }
    flush();
  }

  /** Sends a normal Close; the connection stops sending messages. */
  public void sendClose() throws IOException {
    if (failure != null || closeSent) return;
    closeSent = true;
    byte[] normal = {0x03, (byte) 0xE8}; // 1000
    ClientFrames.append(
        out, ClientFrames.OPCODE_CLOSE, normal, 0, normal.length, ClientFrames.maskKey(maskKeys));
    flush();
  }

  /** Writes queued bytes; asks the selector for writability while some are left. */
  public void flush() throws IOException {
    if (failure != null || closeReceived) return;
    out.flip();
    channel.write(out);
    out.compact();
    int ops = out.position() > 0 ? SelectionKey.OP_READ | SelectionKey.OP_WRITE : SelectionKey.OP_READ;
    if (key.interestOps() != ops) key.interestOps(ops);
  }

  /** Reads what arrived and checks it; refills the window unless {@code sending} is false. */
  public void onReadable(boolean sending) throws IOException {
    int n = channel.read(in);
    if (n < 0) {
      fail("The server closed the connection after " + nextEcho + " echoes.");
      return;
    }
    in.flip();
    parse();
    in.compact();
    if (failure != null || closeReceived) return;
    if (sending) fillWindow();
    else flush();
  }

  /** Closes the socket, whatever state the connection is in; for the end of the run. */
  public void shutdown() {
    key.cancel();
    try {
      channel.close();
    } catch (IOException e) {
      // the run is over; nothing more to report
    }
  }

  /** Records the first failure and stops using the connection. */
  public void fail(String why) {
    if (failure == null) failure = "connection " + id + ": " + why;
    shutdown();
  }

  private void parse() {
    while (failure == null && !closeReceived) {
      switch (state) {
        case HEADER -> {
          if (!readHeader()) return;
        }
        case PAYLOAD -> {
          if (!in.hasRemaining()) return;
          checkPayload();
        }
        case CONTROL -> {
          if (!in.hasRemaining() && frameRemaining > 0) return;
          int n = (int) Math.min(in.remaining(), frameRemaining);
          in.get(control, controlLength, n);
          controlLength += n;
          frameRemaining -= n;
          if (frameRemaining == 0) onControl();
        }
      }
    }
  }

  /** Reads a whole header if it has arrived; false if more bytes are needed. */
  private boolean readHeader() {
    if (in.remaining() < 2) return false;
    int p = in.position();
    int b0 = in.get(p) & 0xFF;
    int b1 = in.get(p + 1) & 0xFF;
    int lengthField = b1 & 0x7F;
    int headerLength = 2 + (lengthField == 126 ? 2 : lengthField == 127 ? 8 : 0);
    if (in.remaining() < headerLength) return false;
    if ((b1 & 0x80) != 0) {
      fail("The server sent a masked frame (RFC 6455 §5.1 forbids it).");
      return true;
    }
    if ((b0 & 0x70) != 0) {
      fail("The server set RSV bits without an extension.");
      return true;
    }
    long length =
        lengthField == 126 ? in.getShort(p + 2) & 0xFFFF : lengthField == 127 ? in.getLong(p + 2) : lengthField;
    in.position(p + headerLength);
    frameOpcode = b0 & 0x0F;
    frameFin = (b0 & 0x80) != 0;
    frameRemaining = length;
    if (frameOpcode >= ClientFrames.OPCODE_CLOSE) {
      controlLength = 0;
      state = State.CONTROL;
      if (length > control.length) fail("The server sent a control frame of " + length + " bytes.");
      return true;
    }
    boolean continuation = frameOpcode == ClientFrames.OPCODE_CONTINUATION;
    if (continuation != inEcho) {
      fail(inEcho ? "A new message started inside echo " + nextEcho + "." : "A continuation frame arrived with no message open.");
      return true;
    }
    if (!continuation && frameOpcode != opcode) {
      fail("Echo " + nextEcho + " came back with opcode " + frameOpcode + ", not " + opcode + ".");
      return true;
    }
    if (nextEcho >= nextSend) {
      fail("The server sent a message nobody asked for.");
      return true;
    }
    inEcho = true;
    if (echoOffset + length > size) {
      fail("Echo " + nextEcho + " is longer than the " + size + " bytes sent.");
      return true;
    }
    state = State.PAYLOAD;
    if (length == 0) endFrame();
    return true;
  }

  private void checkPayload() {
    int n = (int) Math.min(in.remaining(), frameRemaining);
    int expectedFrom = messages.offset(nextEcho) + echoOffset;
    int at = in.arrayOffset() + in.position();
    if (Arrays.mismatch(in.array(), at, at + n, messages.array(), expectedFrom, expectedFrom + n) >= 0) {
      fail("Echo " + nextEcho + " differs from what was sent, at or after byte " + echoOffset + ".");
      return;
    }
    in.position(in.position() + n);
    echoOffset += n;
    frameRemaining -= n;
    if (frameRemaining == 0) endFrame();
  }

  private void endFrame() {
    state = State.HEADER;
    if (!frameFin) return;
    if (echoOffset != size) {
      fail("Echo " + nextEcho + " has " + echoOffset + " bytes, not " + size + ".");
      return;
    }
    events.echoed(System.nanoTime() - sentAt[(int) (nextEcho % sentAt.length)]);
    nextEcho++;
    echoOffset = 0;
    inEcho = false;
  }

  private void onControl() {
    state = State.HEADER;
    switch (frameOpcode) {
      case ClientFrames.OPCODE_PING -> {
        if (!closeSent) {
          ClientFrames.append(
              out, ClientFrames.OPCODE_PONG, control, 0, controlLength, ClientFrames.maskKey(maskKeys));
        }
      }
      case ClientFrames.OPCODE_PONG -> { } // unsolicited Pongs are allowed and ignored (§5.5.3)
      case ClientFrames.OPCODE_CLOSE -> {
        closeReceived = true;
        if (!closeSent) {
          fail("The server closed the connection after " + nextEcho + " echoes.");
          return;
        }
        // Our Close was answered: the close handshake is complete.
        shutdown();
      }
      default -> fail("The server sent unknown opcode " + frameOpcode + ".");
    }
  }
}
