package io.asyncws.runtime.session;

import java.util.PriorityQueue;
import java.util.function.Consumer;
import java.util.function.LongConsumer;

/**
 * Tasks due at given times on a monotonic nanosecond clock, in deadline order (ties in the order
 * scheduled). The event loop runs it against the real clock, tests against a fake one.
 *
 * <p>A cancelled timer stays queued until its deadline, unless cancelled timers come to outnumber
 * the live ones: then they are swept out at once, so that a server whose every handshake cancels
 * a 10-second timer does not hold thousands of them (and their tasks) for those 10 seconds.
 *
 * <p>Not thread-safe: one thread schedules, cancels and runs.
 */
public final class TimerQueue {
  /** Below this many timers a sweep is not worth its pass over the queue. */
  private static final int SWEEP_MIN = 64;

  private final PriorityQueue<Timer> timers = new PriorityQueue<>();
  private long sequence;
  /** Cancelled timers still in {@link #timers}. */
  private int cancelled;

  /** Schedules {@code task} for {@code deadline}. */
  public Scheduler.Cancellable schedule(long deadline, Runnable task) {
    Timer timer = new Timer(this, deadline, sequence++, task);
    timers.add(timer);
    return timer;
  }

  /** Whether no timer is waiting. */
  public boolean isEmpty() {
    return timers.isEmpty();
  }

  /** The earliest deadline; only when not {@link #isEmpty()}. */
  public long nextDeadline() {
    return timers.element().deadline;
  }

  /**
   * Runs, in order, every task due at or before {@code now}, including those that due tasks
   * schedule. {@code beforeEach} sees each task's deadline first (a fake clock advances to it);
   * {@code runner} runs the task.
   */
  public void runDue(long now, LongConsumer beforeEach, Consumer<Runnable> runner) {
    while (!timers.isEmpty() && timers.peek().deadline - now <= 0) {
      Timer timer = timers.poll();
      if (timer.cancelled) {
        cancelled--;
        continue;
      }
      timer.queue = null; // due now: a late cancel must not count it as still queued
      beforeEach.accept(timer.deadline);
      runner.accept(timer.task);
    }
  }

  private void onCancelled() {
    cancelled++;
    if (cancelled >= SWEEP_MIN && cancelled * 2 > timers.size()) {
      timers.removeIf(timer -> timer.cancelled);
      cancelled = 0;
    }
  }

  private static final class Timer implements Comparable<Timer>, Scheduler.Cancellable {
    final long deadline;
    final long sequence;
    final Runnable task;
    boolean cancelled;
    /** The queue holding this timer; null once it left it. */
    TimerQueue queue;

    Timer(TimerQueue queue, long deadline, long sequence, Runnable task) {
      this.queue = queue;
      this.deadline = deadline;
      this.sequence = sequence;
      this.task = task;
    }

    @Override
    public void cancel() {
      if (cancelled) return;
      cancelled = true;
      if (queue != null) queue.onCancelled();
    }

    @Override
    public int compareTo(Timer other) {
      int byDeadline = Long.compare(deadline - other.deadline, 0);
      return byDeadline != 0 ? byDeadline : Long.compare(sequence, other.sequence);
    }
  }
}
