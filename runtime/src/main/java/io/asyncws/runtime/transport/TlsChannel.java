package io.asyncws.runtime.transport;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.SocketChannel;
import javax.net.ssl.SSLEngine;
import javax.net.ssl.SSLEngineResult;
import javax.net.ssl.SSLEngineResult.HandshakeStatus;
import javax.net.ssl.SSLException;
import javax.net.ssl.SSLHandshakeException;

/**
 * TLS between a non-blocking socket and a {@link NioConnection}: {@link #read} gives plaintext
 * unwrapped from the peer's records, {@link #write} wraps plaintext into records and writes what
 * the socket takes. Neither blocks; the handshake advances inside both.
 *
 * <p>Delegated tasks (certificate checks, key agreement) run inline on the event loop. They take
 * about a millisecond per handshake; a thread pool would add a hand-off and a resume path for
 * little gain at that size, at the price of stalling the loop's other connections that long.
 *
 * <p>Renegotiation is refused: TLS 1.3 has none, and a second handshake on TLS 1.2 fails the
 * connection. A {@code close_notify} from the peer ends the stream like a TCP FIN; {@link
 * #closeOutbound} sends ours, best effort, right before the socket closes.
 *
 * <p>Memory: about 34 KiB per connection (one record in, one out), plus 50 KiB more for output
 * once a message larger than a record is sent. Buffers: {@code netIn} holds ciphertext read but not unwrapped (write mode), {@code plainIn}
 * plaintext unwrapped but not delivered and {@code netOut} ciphertext wrapped but not written
 * (both read mode). Event-loop thread only.
 */
final class TlsChannel {
  private static final ByteBuffer EMPTY = ByteBuffer.allocate(0);
  /** Records wrapped before one socket write: fewer system calls for large messages. */
  private static final int RECORDS_PER_WRITE = 4;

  private final SocketChannel channel;
  private final SSLEngine engine;
  private final String peer;
  private ByteBuffer netIn;
  private ByteBuffer plainIn;
  private ByteBuffer netOut;
  private boolean handshakeDone;
  /** The last read stopped with input left to process; the connection must read again. */
  private boolean moreBuffered;
  /** The last read stopped because the engine must write first (handshake), not for lack of input. */
  private boolean readStalledOnWrite;

  /**
   * @param engine configured for its role, {@link SSLEngine#beginHandshake()} already called
   * @param peer how error messages name the peer, e.g. {@code localhost:8443}
   */
  TlsChannel(SocketChannel channel, SSLEngine engine, String peer) {
    this.channel = channel;
    this.engine = engine;
    this.peer = peer;
    this.netIn = ByteBuffer.allocate(packetSize());
    this.plainIn = ByteBuffer.allocate(engine.getSession().getApplicationBufferSize()).flip();
    // One record's room until a large message comes: idle connections stay small.
    this.netOut = ByteBuffer.allocate(packetSize()).flip();
  }

  /**
   * Reads and unwraps what the socket has, into {@code dst}.
   *
   * @return plaintext bytes put into {@code dst}; 0 when nothing is ready (or only the handshake
   *     moved); -1 at the end of the stream ({@code close_notify} or TCP closed after it)
   * @throws IOException a socket error, a TLS failure ({@link SSLHandshakeException} during the
   *     handshake) or a refused renegotiation
   */
  int read(ByteBuffer dst) throws IOException {
    int start = dst.position();
    moreBuffered = false;
    readStalledOnWrite = false;
    boolean socketEnded = false;
    while (true) {
      drainPlain(dst);
      if (!dst.hasRemaining()) {
        moreBuffered = plainIn.hasRemaining() || netIn.position() > 0;
        break;
      }
      if (engine.isInboundDone()) break;
      advanceHandshake();
      HandshakeStatus status = engine.getHandshakeStatus();
      if (status == HandshakeStatus.NEED_WRAP || status == HandshakeStatus.NEED_TASK) {
        readStalledOnWrite = true; // the socket took only part of a handshake flight
        break;
      }
      if (unwrapOnce()) continue;
      int read = channel.read(netIn);
      if (read < 0) {
        socketEnded = true;
        break;
      }
      if (read == 0) break;
    }
    int produced = dst.position() - start;
    if (produced > 0) {
      if (engine.isInboundDone() || socketEnded) moreBuffered = true; // report the end next time
      return produced;
    }
    if (engine.isInboundDone()) return -1;
    if (socketEnded) {
      if (!handshakeDone) {
        throw new SSLHandshakeException(
            peer + " closed the connection during the TLS handshake (is it a TLS endpoint?).");
      }
      return -1; // no close_notify: the WebSocket close handshake still tells a clean end apart
    }
    return 0;
  }

  /**
   * Wraps as much of {@code srcs} as the socket takes now; with nothing to wrap it only pushes
   * pending handshake records.
   *
   * @return plaintext bytes consumed: 0 while the handshake is not done or the socket is full
   */
  long write(ByteBuffer[] srcs, int offset, int length) throws IOException {
    if (!flushNet()) return 0;
    if (!handshakeDone) {
      advanceHandshake();
      if (!handshakeDone || netOut.hasRemaining()) return 0;
    }
    int wide = packetSize() * RECORDS_PER_WRITE;
    if (netOut.capacity() < wide && remaining(srcs, offset, length) > packetSize()) {
      netOut = ByteBuffer.allocate(wide).flip(); // empty here: everything before was written
    }
    long consumed = 0;
    while (remaining(srcs, offset, length) > 0) {
      netOut.compact();
      try {
        while (netOut.remaining() >= packetSize() && remaining(srcs, offset, length) > 0) {
          SSLEngineResult result = wrap(srcs, offset, length);
          consumed += result.bytesConsumed();
          if (result.getStatus() == SSLEngineResult.Status.CLOSED) {
            throw new SSLException("The TLS connection with " + peer + " is already closed.");
          }
          if (result.getStatus() == SSLEngineResult.Status.BUFFER_OVERFLOW) break;
        }
      } finally {
        netOut.flip();
      }
      if (!flushNet()) break;
    }
    return consumed;
  }

  /** Ciphertext waiting for the socket to take it. */
  boolean hasPendingOutput() {
    return netOut.hasRemaining();
  }

  /**
   * Whether queued plaintext could be written now; false while the handshake waits for the
   * peer, so that the connection does not poll a writable socket for nothing.
   */
  boolean canWrite() {
    return handshakeDone || netOut.hasRemaining() || needsOwnMove();
  }

  /** Input was left unprocessed by the last read: read again without waiting for the socket. */
  boolean hasBufferedInput() {
    return moreBuffered || (readStalledOnWrite && !netOut.hasRemaining());
  }

  /** Sends {@code close_notify} after anything pending, as far as the socket takes it now. */
  void closeOutbound() {
    engine.closeOutbound();
    try {
      wrapEngineOutputAndFlush();
    } catch (IOException | RuntimeException e) {
      // The socket closes next anyway; a peer that misses close_notify sees end of stream.
    }
  }

  // ---- internals ----

  private boolean needsOwnMove() {
    HandshakeStatus status = engine.getHandshakeStatus();
    return status == HandshakeStatus.NEED_WRAP || status == HandshakeStatus.NEED_TASK;
  }

  /** Runs tasks and writes handshake records until the engine needs the peer or is done. */
  private void advanceHandshake() throws IOException {
    while (true) {
      switch (engine.getHandshakeStatus()) {
        case NEED_TASK -> {
          for (Runnable task = engine.getDelegatedTask(); task != null; ) {
            task.run();
            task = engine.getDelegatedTask();
          }
        }
        case NEED_WRAP -> {
          if (!flushNet()) return;
          netOut.compact();
          try {
            wrap(new ByteBuffer[] {EMPTY}, 0, 1);
          } finally {
            netOut.flip();
          }
          if (!flushNet()) return;
        }
        case NOT_HANDSHAKING -> {
          handshakeDone = true;
          return;
        }
        default -> {
          return; // NEED_UNWRAP: the peer's turn
        }
      }
    }
  }

  private SSLEngineResult wrap(ByteBuffer[] srcs, int offset, int length) throws IOException {
    SSLEngineResult result;
    try {
      result = engine.wrap(srcs, offset, length, netOut);
    } catch (SSLException e) {
      throw failure(e);
    }
    if (result.getStatus() == SSLEngineResult.Status.BUFFER_OVERFLOW && netOut.position() == 0) {
      // The session's records grew after the handshake: callers retry into a larger buffer.
      netOut = ByteBuffer.allocate(packetSize() * RECORDS_PER_WRITE);
    }
    afterResult(result);
    return result;
  }

  /** Unwraps one record into {@code plainIn}; false when no whole record is buffered. */
  private boolean unwrapOnce() throws IOException {
    if (netIn.position() == 0) return false;
    netIn.flip();
    plainIn.compact();
    SSLEngineResult result;
    try {
      result = engine.unwrap(netIn, plainIn);
    } catch (SSLException e) {
      throw failure(e);
    } finally {
      netIn.compact();
      plainIn.flip();
    }
    switch (result.getStatus()) {
      case BUFFER_UNDERFLOW -> {
        if (!netIn.hasRemaining()) {
          netIn = growKeepingData(netIn, packetSize());
        }
        return false;
      }
      case BUFFER_OVERFLOW -> {
        int size = plainIn.remaining() + engine.getSession().getApplicationBufferSize();
        ByteBuffer bigger = ByteBuffer.allocate(size).put(plainIn).flip();
        plainIn = bigger;
        return true;
      }
      default -> {
        afterResult(result);
        return result.bytesConsumed() > 0
            || result.bytesProduced() > 0
            || result.getStatus() == SSLEngineResult.Status.CLOSED
            || result.getHandshakeStatus() != HandshakeStatus.NEED_UNWRAP;
      }
    }
  }

  private void afterResult(SSLEngineResult result) throws SSLException {
    HandshakeStatus status = result.getHandshakeStatus();
    if (status == HandshakeStatus.FINISHED) {
      handshakeDone = true;
      return;
    }
    boolean again = status != HandshakeStatus.NOT_HANDSHAKING;
    boolean closing = engine.isInboundDone() || engine.isOutboundDone();
    // TLS 1.3 post-handshake messages (session tickets, key updates) are not renegotiation.
    boolean tls13 = "TLSv1.3".equals(engine.getSession().getProtocol());
    if (handshakeDone && again && !closing && !tls13) {
      throw new SSLException(
          peer + " started a second TLS handshake; renegotiation is refused.");
    }
  }

  /**
   * Wraps what the engine has to say by itself (close_notify, an alert) behind anything pending,
   * and writes as much as the socket takes now.
   */
  private void wrapEngineOutputAndFlush() throws IOException {
    netOut.compact();
    try {
      engine.wrap(EMPTY, netOut);
    } finally {
      netOut.flip();
    }
    flushNet();
  }

  /** A TLS failure, named for the user; the engine's alert goes out first when it can. */
  private IOException failure(SSLException cause) {
    try {
      wrapEngineOutputAndFlush();
    } catch (IOException | RuntimeException ignored) {
      // The alert is a courtesy; the connection fails either way.
    }
    if (handshakeDone) return cause;
    SSLHandshakeException named =
        new SSLHandshakeException("The TLS handshake with " + peer + " failed: " + cause.getMessage());
    named.initCause(cause);
    return named;
  }

  private int packetSize() {
    return engine.getSession().getPacketBufferSize();
  }

  private boolean flushNet() throws IOException {
    while (netOut.hasRemaining()) {
      if (channel.write(netOut) == 0) return false;
    }
    return true;
  }

  private void drainPlain(ByteBuffer dst) {
    int n = Math.min(plainIn.remaining(), dst.remaining());
    if (n == 0) return;
    int limit = plainIn.limit();
    plainIn.limit(plainIn.position() + n);
    dst.put(plainIn);
    plainIn.limit(limit);
  }

  private static long remaining(ByteBuffer[] srcs, int offset, int length) {
    long total = 0;
    for (int i = offset; i < offset + length; i++) total += srcs[i].remaining();
    return total;
  }

  /** A larger buffer in write mode holding {@code old}'s bytes (also in write mode). */
  private static ByteBuffer growKeepingData(ByteBuffer old, int atLeast) {
    ByteBuffer bigger = ByteBuffer.allocate(Math.max(atLeast, old.capacity() * 2));
    return bigger.put(old.flip());
  }
}
