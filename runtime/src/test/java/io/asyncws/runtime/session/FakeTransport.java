package io.asyncws.runtime.session;

import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;
import java.util.PriorityQueue;
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
  private long sequence;
  private final PriorityQueue<Timer> timers = new PriorityQueue<>();
  private WebSocketSession session;

  void attach(WebSocketSession session) {
    this.session = session;
  }

  /** Moves the clock forward, running the timers that fall due. */
  void advanceNanos(long nanos) {
    long target = now + nanos;
    while (!timers.isEmpty() && timers.peek().deadline <= target) {
      Timer timer = timers.poll();
      now = timer.deadline;
      if (!timer.cancelled) timer.task.run();
    }
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

  @Override
  public long bufferedAmount() {
    return 0;
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
    Timer timer = new Timer(now + delayNanos, sequence++, task);
    timers.add(timer);
    return timer;
  }

  @Override
  public long nanoTime() {
    return now;
  }

  private static final class Timer implements Comparable<Timer>, Cancellable {
    final long deadline;
    final long order;
    final Runnable task;
    boolean cancelled;

    Timer(long deadline, long order, Runnable task) {
      this.deadline = deadline;
      this.order = order;
      this.task = task;
    }

    @Override
    public void cancel() {
      cancelled = true;
    }

    @Override
    public int compareTo(Timer other) {
      return deadline != other.deadline
          ? Long.compare(deadline, other.deadline)
          : Long.compare(order, other.order);
    }
  }
}
