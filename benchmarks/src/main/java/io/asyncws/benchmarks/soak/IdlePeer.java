package io.asyncws.benchmarks.soak;

import io.asyncws.benchmarks.load.ClientFrames;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.SelectionKey;
import java.nio.channels.SocketChannel;
import java.util.Arrays;
import java.util.SplittableRandom;

/**
 * One idle connection of the soak: it sends nothing of its own, answers every Ping from the server
 * with a Pong (a server that pings quiet connections closes those that stay silent), and treats
 * anything else the server sends as a failure. At the end it can send one Ping of its own to
 * prove the connection still works.
 *
 * <p>Only the soak's selector thread uses it.
 */
final class IdlePeer {
  /** The payload of the liveness Ping at the end, which the Pong must carry back. */
  private static final byte[] PROBE = {'s', 'o', 'a', 'k'};
  /** A control frame from the server: 2 header bytes and at most 125 payload bytes (§5.5). */
  private static final int CONTROL_FRAME_MAX = 2 + 125;

  private final int id;
  private final SocketChannel channel;
  private final SelectionKey key;
  private final SplittableRandom maskKeys;
  /** Holds at most one partial control frame between reads; 2 are room for the next header. */
  private final ByteBuffer in = ByteBuffer.allocate(CONTROL_FRAME_MAX + 2);
  /** Pongs not yet written; allocated only when the socket would not take one at once. */
  private ByteBuffer pending;

  private long pingsAnswered;
  private boolean probeSent;
  private boolean probeAnswered;
  private String failure;

  IdlePeer(int id, SocketChannel channel, SelectionKey key, ByteBuffer leftover) {
    this.id = id;
    this.channel = channel;
    this.key = key;
    this.maskKeys = new SplittableRandom(id * 0x9E3779B97F4A7C15L + 7);
    if (leftover.remaining() > in.capacity()) {
      fail("The server sent " + leftover.remaining() + " bytes right after the upgrade.");
    } else {
      in.put(leftover);
    }
  }

  /** Pings from the server this connection answered. */
  long pingsAnswered() {
    return pingsAnswered;
  }

  /** Why this connection stopped, or null while it is fine. */
  String failure() {
    return failure;
  }

  /** Whether the Pong to {@link #sendProbe()} came back. */
  boolean probeAnswered() {
    return probeAnswered;
  }

  /** Sends the liveness Ping of the end of the run. */
  void sendProbe() throws IOException {
    if (failure != null || probeSent) return;
    probeSent = true;
    write(ClientFrames.OPCODE_PING, PROBE, PROBE.length);
  }

  /** Reads what arrived and answers it. */
  void onReadable() throws IOException {
    if (failure != null) return;
    int n = channel.read(in);
    if (n < 0) {
      fail("The server closed an idle connection without a Close frame.");
      return;
    }
    in.flip();
    while (failure == null && readFrame()) {
      // each pass handles one whole frame
    }
    in.compact();
  }

  /** Writes pending Pongs; asks for writability while some are left. */
  void flush() throws IOException {
    if (failure != null || pending == null) return;
    pending.flip();
    channel.write(pending);
    pending.compact();
    boolean more = pending.position() > 0;
    if (!more) pending = null;
    key.interestOps(more ? SelectionKey.OP_READ | SelectionKey.OP_WRITE : SelectionKey.OP_READ);
  }

  /** Closes the socket without a close handshake; for the end of the run. */
  void shutdown() {
    key.cancel();
    try {
      channel.close();
    } catch (IOException e) {
      // the run is over; nothing more to report
    }
  }

  /** Records the first failure and stops using the connection. */
  void fail(String why) {
    if (failure == null) failure = "idle connection " + id + ": " + why;
    shutdown();
  }

  /** Handles one whole frame if it has arrived; false when more bytes are needed. */
  private boolean readFrame() throws IOException {
    if (in.remaining() < 2) return false;
    int p = in.position();
    int b0 = in.get(p) & 0xFF;
    int b1 = in.get(p + 1) & 0xFF;
    int opcode = b0 & 0x0F;
    int length = b1 & 0x7F;
    if (opcode < ClientFrames.OPCODE_CLOSE) {
      fail("The server sent a data frame (opcode " + opcode + ") to a connection that sent no message.");
      return false;
    }
    if ((b1 & 0x80) != 0 || (b0 & 0xF0) != 0x80 || length > 125) {
      fail("The server sent a malformed control frame (first bytes " + Integer.toHexString(b0 << 8 | b1) + ").");
      return false;
    }
    if (in.remaining() < 2 + length) return false;
    byte[] payload = new byte[length];
    in.position(p + 2);
    in.get(payload);
    switch (opcode) {
      case ClientFrames.OPCODE_PING -> {
        write(ClientFrames.OPCODE_PONG, payload, length);
        pingsAnswered++;
      }
      case ClientFrames.OPCODE_PONG -> {
        if (probeSent && Arrays.equals(payload, PROBE)) probeAnswered = true;
      }
      case ClientFrames.OPCODE_CLOSE -> {
        int code = length >= 2 ? (payload[0] & 0xFF) << 8 | (payload[1] & 0xFF) : 1005;
        fail("The server closed an idle connection with code " + code + ".");
      }
      default -> fail("The server sent unknown opcode " + opcode + ".");
    }
    return true;
  }

  private void write(int opcode, byte[] payload, int length) throws IOException {
    if (pending == null) pending = ByteBuffer.allocate(2 * (ClientFrames.HEADER_MAX + 125));
    if (pending.remaining() < ClientFrames.HEADER_MAX + length) {
      fail("The server pings faster than this connection can answer.");
      return;
    }
    ClientFrames.append(pending, opcode, payload, 0, length, ClientFrames.maskKey(maskKeys));
    flush();
  }
}
