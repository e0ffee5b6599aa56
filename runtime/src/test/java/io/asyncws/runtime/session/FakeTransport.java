package io.asyncws.runtime.session;

import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Executor;

/**
 * An in-memory {@link Transport} with a manual clock: written bytes are kept for inspection and
 * timers run when the test advances time, so timeouts are tested without sleeping.
 */
final class FakeTransport implements Transport, Scheduler {
  final List<ByteBuffer> written = new ArrayList<>();
  boolean closedAfterFlush;
  boolean closedNow;
  private long now;
  private final TimerQueue timers = new TimerQueue();
  private WebSocketSession session;

  void attach(WebSocketSession session) {
    this.session = session;
  }

  /** Moves the clock forward, running the timers that fall due. */
  void advanceNanos(long nanos) {
    long target = now + nanos;
    timers.runDue(target, deadline -> now = deadline, Runnable::run);
    now = target;
  }

  /** All bytes written so far, concatenated. */
  byte[] writtenBytes() {
    int size = written.stream().mapToInt(b -> b.remaining()).sum();
    ByteBuffer all = ByteBuffer.allocate(size);
    written.forEach(b -> all.put(b.duplicate()));
    return all.array();
  }

  @Override
  public void write(ByteBuffer bytes) {
    written.add(bytes);
  }

  /** What {@link #overHighWaterMark()} answers; tests set it to play a full write queue. */
  boolean full;
  /** What {@link #bufferedAmount()} answers: bytes the peer has not taken yet. */
  long buffered;
  /** What {@link #behindSince()} answers; -1 while the queue is not behind. */
  long behindSince = -1;

  @Override
  public long bufferedAmount() {
    return buffered;
  }

  @Override
  public boolean overHighWaterMark() {
    return full;
  }

  @Override
  public long behindSince() {
    return behindSince;
  }

  @Override
  public void closeAfterFlush() {
    closedAfterFlush = true;
    if (session != null) session.onTransportClosed();
  }

  @Override
  public void closeNow() {
    closedNow = true;
    if (session != null) session.onTransportClosed();
  }

  @Override
  public Executor executor() {
    return Runnable::run;
  }

  @Override
  public boolean inExecutor() {
    return true;
  }

  @Override
  public Scheduler scheduler() {
    return this;
  }

  @Override
  public Cancellable schedule(Runnable task, long delayNanos) {
    return timers.schedule(now + delayNanos, task);
  }

  @Override
  public long nanoTime() {
    return now;
  }
}
