package io.asyncws.runtime.transport;

import io.asyncws.runtime.session.Scheduler;
import io.asyncws.runtime.session.Transport;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.SelectionKey;
import java.nio.channels.SocketChannel;
import java.util.ArrayDeque;
import java.util.Arrays;
import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A non-blocking TCP connection on one event loop: reads go to the current {@link Inbound}, writes
 * go through a queue that any thread may fill.
 *
 * <p>Writes made on the event loop while it delivers a read (the echo of a request, typically)
 * are written together once the read batch ends, one gathering write for all of them, as Netty's
 * flush at {@code channelReadComplete}; writes from other threads are flushed by one task posted
 * to the loop, however many arrive before it runs.
 *
 * <p>Back-pressure: when more than the high-water mark is queued, the connection stops reading
 * from the peer; it resumes once the queue has drained to half the mark. Since when the queue has
 * been behind (risen above the mark, not yet drained to half of it) is kept for the session's
 * slow-consumer bound. Nothing queued is ever dropped except by {@link #closeNow()}.
 *
 * <p>With TLS ({@link #useTls}) a {@link TlsChannel} sits between the socket and both paths: the
 * inbound sees plaintext, the queue holds plaintext, and {@link #bufferedAmount()} counts the
 * plaintext not yet taken by TLS — the few records wrapped but not yet written are not counted.
 */
final class NioConnection implements Transport, IoHandler {
  /** How many buffers one gathering write takes at most. */
  static final int GATHER_MAX = 64;
  /** How many reads one readiness event may do before other connections get their turn. */
  private static final int READS_PER_EVENT = 4;

  private final SocketChannel channel;
  private final EventLoop loop;
  private final long highWaterMark;
  /**
   * Guarded by itself. Room for 2 to start with: most connections have a frame or two queued at
   * a time, and an idle one should not carry the default 16 empty slots.
   */
  private final ArrayDeque<ByteBuffer> queue = new ArrayDeque<>(2);
  private final AtomicLong buffered = new AtomicLong();

  // Event-loop thread only.
  private SelectionKey key;
  private Inbound inbound;
  private Runnable onClosed = () -> {};
  /** Null for plain TCP. */
  private TlsChannel tls;
  private boolean tlsReadScheduled;
  private boolean readPausedByBackPressure;
  /** Bytes read but not yet taken by the inbound while reading is paused; usually null. */
  private ByteBuffer unread;
  private boolean resumeScheduled;
  private boolean closeAfterFlush;
  private boolean closed;
  /** When the queue last rose above the mark, or -1 once it has drained to half the mark. */
  private long overMarkSince = -1;
  /** Inside {@link #onReadable} or {@link #resumeReading}: writes wait for the batch's end. */
  private boolean inReadBatch;
  /** A write during the read batch found no flush scheduled: the batch's end flushes. */
  private boolean flushAtBatchEnd;
  // Guarded by queue.
  private boolean flushScheduled;

  NioConnection(SocketChannel channel, EventLoop loop, long highWaterMark) {
    this.channel = channel;
    this.loop = loop;
    this.highWaterMark = highWaterMark;
  }

  /** Starts serving the channel with {@code first} as inbound; loop thread only. */
  void register(int ops, Inbound first) throws IOException {
    this.inbound = first;
    this.key = loop.register(channel, ops, this);
  }

  /** Puts TLS between the socket and everything else; before {@link #register}, loop thread only. */
  void useTls(TlsChannel tls) {
    this.tls = tls;
  }

  /** Whether the connection runs over TLS. */
  boolean isSecure() {
    return tls != null;
  }

  /** Runs {@code task} once the connection is closed; loop thread only, before it closes. */
  void whenClosed(Runnable task) {
    this.onClosed = task;
  }

  /** Hands the byte stream to the next consumer, e.g. the session after the handshake. */
  void setInbound(Inbound next) {
    this.inbound = next;
  }

  SocketChannel channel() {
    return channel;
  }

  SelectionKey key() {
    return key;
  }

  EventLoop loop() {
    return loop;
  }

  boolean isClosed() {
    return closed;
  }

  // ---- Transport ----

  @Override
  public void write(ByteBuffer bytes) {
    int size = bytes.remaining();
    boolean schedule;
    synchronized (queue) {
      queue.add(bytes);
      schedule = !flushScheduled;
      flushScheduled = true;
    }
    long total = buffered.addAndGet(size);
    if (schedule) {
      if (loop.inEventLoop()) {
        if (inReadBatch) {
          flushAtBatchEnd = true;
        } else {
          flush();
        }
      } else {
        loop.execute(this::flush);
      }
    }
    if (total > highWaterMark) runOnLoop(this::pauseReadingIfOverMark);
  }

  @Override
  public long bufferedAmount() {
    return buffered.get();
  }

  @Override
  public boolean overHighWaterMark() {
    return buffered.get() > highWaterMark;
  }

  @Override
  public long behindSince() {
    return overMarkSince;
  }

  @Override
  public void closeAfterFlush() {
    runOnLoop(
        () -> {
          closeAfterFlush = true;
          if (buffered.get() == 0 && (tls == null || !tls.hasPendingOutput())) closeNow();
        });
  }

  @Override
  public void closeNow() {
    runOnLoop(this::closeOnLoop);
  }

  @Override
  public Executor executor() {
    return loop;
  }

  @Override
  public boolean inExecutor() {
    return loop.inEventLoop();
  }

  @Override
  public Scheduler scheduler() {
    return loop;
  }

  // ---- IoHandler ----

  @Override
  public void onConnectable() {
    try {
      if (!channel.finishConnect()) return;
    } catch (IOException e) {
      inbound.onIoError(e);
      closeOnLoop();
      return;
    }
    setInterest(SelectionKey.OP_CONNECT, false);
    setInterest(SelectionKey.OP_READ, true);
    inbound.onConnected();
  }

  @Override
  public void onReadable() {
    startReadBatch();
    try {
      readBatch();
    } finally {
      endReadBatch();
    }
  }

  private void readBatch() {
    tlsReadScheduled = false;
    for (int i = 0; i < READS_PER_EVENT && !closed && !readPausedByBackPressure; i++) {
      ByteBuffer buffer = loop.readBuffer();
      int read;
      try {
        read = tls == null ? channel.read(buffer) : tls.read(buffer);
      } catch (IOException e) {
        inbound.onIoError(e);
        closeOnLoop();
        return;
      }
      // A TLS read may have finished the handshake or owe the peer records: write now.
      if (tls != null) flush();
      if (closed) return;
      if (read < 0) {
        inbound.onEndOfStream();
        closeOnLoop();
        return;
      }
      if (read == 0) break;
      buffer.flip();
      inbound.onData(buffer);
      if (buffer.hasRemaining()) {
        holdUnread(buffer);
        return;
      }
      if (read < buffer.capacity()) break;
    }
    scheduleTlsReadIfBuffered();
  }

  /** TLS may hold input the socket will not announce again: come back for it. */
  private void scheduleTlsReadIfBuffered() {
    if (tls == null || closed || readPausedByBackPressure || tlsReadScheduled) return;
    if (!tls.hasBufferedInput()) return;
    tlsReadScheduled = true;
    loop.execute(this::onReadable);
  }

  @Override
  public void onWritable() {
    flush();
  }

  @Override
  public void abort() {
    closeOnLoop();
  }

  // ---- internals: event-loop thread ----

  private void runOnLoop(Runnable task) {
    if (loop.inEventLoop()) {
      task.run();
    } else {
      loop.execute(task);
    }
  }

  private void flush() {
    if (closed) return;
    long written;
    boolean drained;
    ByteBuffer[] gather = loop.gatherScratch();
    try {
      synchronized (queue) {
        int count = 0;
        for (ByteBuffer buffer : queue) {
          gather[count++] = buffer;
          if (count == GATHER_MAX) break;
        }
        if (tls != null) {
          written = tls.write(gather, 0, count);
        } else {
          written = count == 0 ? 0 : writeCoalesced(gather, count);
        }
        while (!queue.isEmpty() && !queue.peek().hasRemaining()) queue.poll();
        Arrays.fill(gather, 0, count, null);
        drained = queue.isEmpty() && (tls == null || !tls.hasPendingOutput());
        flushScheduled = !drained;
      }
    } catch (IOException e) {
      Arrays.fill(gather, null); // the loop's array must not keep this queue's buffers
      inbound.onIoError(e);
      closeOnLoop();
      return;
    }
    long remaining = buffered.addAndGet(-written);
    if (remaining <= highWaterMark / 2) overMarkSince = -1;
    if (drained) {
      setInterest(SelectionKey.OP_WRITE, false);
      if (closeAfterFlush) {
        closeOnLoop();
        return;
      }
    } else {
      // During a TLS handshake that waits for the peer, the read path calls flush again.
      setInterest(SelectionKey.OP_WRITE, tls == null || tls.canWrite());
    }
    scheduleTlsReadIfBuffered();
    if (readPausedByBackPressure && !resumeScheduled && remaining <= highWaterMark / 2) {
      // Not right here: this flush may run inside the inbound's own onData (a send from a
      // callback), and the held bytes must not re-enter it.
      resumeScheduled = true;
      loop.execute(this::resumeReading);
    }
  }

  /**
   * Writes {@code gather[0..count)}: the leading small frames copied into the loop's direct buffer
   * and written at once, the rest as they are. Handing heap buffers to the channel would make the
   * JDK copy each into a temporary direct buffer of its own, one iovec per frame, which costs a
   * small echo more than its payload. Advances the buffers past what was written; holds the
   * queue's lock.
   */
  private long writeCoalesced(ByteBuffer[] gather, int count) throws IOException {
    ByteBuffer direct = loop.writeBuffer();
    int coalesced = 0;
    while (coalesced < count && gather[coalesced].remaining() <= direct.remaining()) {
      ByteBuffer frame = gather[coalesced++];
      if (frame.hasArray()) {
        direct.put(frame.array(), frame.arrayOffset() + frame.position(), frame.remaining());
      } else {
        direct.put(frame.duplicate());
      }
    }
    long written = 0;
    if (coalesced > 0) {
      int bytes = direct.flip().remaining();
      written = channel.write(direct);
      long left = written;
      for (int i = 0; i < coalesced && left > 0; i++) {
        int taken = (int) Math.min(left, gather[i].remaining());
        gather[i].position(gather[i].position() + taken);
        left -= taken;
      }
      if (written < bytes) return written; // the socket is full: the rest waits for OP_WRITE
    }
    if (coalesced < count) written += channel.write(gather, coalesced, count - coalesced);
    return written;
  }

  /** The inbound took part of a read and wants no more for now: keep the rest, stop reading. */
  private void holdUnread(ByteBuffer rest) {
    unread = ByteBuffer.allocate(rest.remaining()).put(rest).flip();
    readPausedByBackPressure = true;
    setInterest(SelectionKey.OP_READ, false);
  }

  private void startReadBatch() {
    inReadBatch = true;
  }

  /** One write for everything the batch queued; the only flush a window-1 echo waits for. */
  private void endReadBatch() {
    inReadBatch = false;
    if (flushAtBatchEnd) {
      flushAtBatchEnd = false;
      flush();
    }
  }

  /** The write queue drained: hand back what was held, then read from the socket again. */
  private void resumeReading() {
    startReadBatch();
    try {
      resumeHeld();
    } finally {
      endReadBatch();
    }
  }

  private void resumeHeld() {
    resumeScheduled = false;
    if (closed || !readPausedByBackPressure) return;
    if (unread != null) {
      ByteBuffer held = unread;
      unread = null;
      inbound.onData(held);
      if (closed) return;
      if (held.hasRemaining()) {
        unread = held; // paused again by what it just took; the next drain resumes
        return;
      }
    }
    readPausedByBackPressure = false;
    setInterest(SelectionKey.OP_READ, true);
    scheduleTlsReadIfBuffered();
  }

  private void pauseReadingIfOverMark() {
    if (closed || buffered.get() <= highWaterMark) return;
    if (overMarkSince < 0) overMarkSince = loop.nanoTime();
    if (!readPausedByBackPressure) {
      readPausedByBackPressure = true;
      setInterest(SelectionKey.OP_READ, false);
    }
  }

  private void setInterest(int op, boolean on) {
    if (key == null || !key.isValid()) return;
    int ops = key.interestOps();
    int next = on ? ops | op : ops & ~op;
    if (next != ops) key.interestOps(next);
  }

  private void closeOnLoop() {
    if (closed) return;
    closed = true;
    if (key != null) key.cancel();
    if (tls != null) tls.closeOutbound();
    try {
      channel.close();
    } catch (IOException ignored) {
      // Closing releases the descriptor even when it reports an error.
    }
    synchronized (queue) {
      queue.clear();
      flushScheduled = false;
    }
    buffered.set(0);
    unread = null;
    onClosed.run();
    inbound.onClosed();
  }
}
