package io.asyncws.runtime.session;

import java.util.PriorityQueue;
import java.util.function.Consumer;
import java.util.function.LongConsumer;

/**
 * Tasks due at given times on a monotonic nanosecond clock, in deadline order (ties in the order
 * scheduled). The event loop runs it against the real clock, tests against a fake one.
 *
 * <p>Not thread-safe: one thread schedules, cancels and runs.
 */
public final class TimerQueue {
  private final PriorityQueue<Timer> timers = new PriorityQueue<>();
  private long sequence;

  /** Schedules {@code task} for {@code deadline}. */
  public Scheduler.Cancellable schedule(long deadline, Runnable task) {
    Timer timer = new Timer(deadline, sequence++, task);
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
      if (timer.cancelled) continue;
      beforeEach.accept(timer.deadline);
      runner.accept(timer.task);
    }
  }

  private static final class Timer implements Comparable<Timer>, Scheduler.Cancellable {
    final long deadline;
    final long sequence;
    final Runnable task;
    boolean cancelled;

    Timer(long deadline, long sequence, Runnable task) {
      this.deadline = deadline;
      this.sequence = sequence;
      this.task = task;
    }

    @Override
    public void cancel() {
      cancelled = true;
    }

    @Override
    public int compareTo(Timer other) {
      int byDeadline = Long.compare(deadline - other.deadline, 0);
      return byDeadline != 0 ? byDeadline : Long.compare(sequence, other.sequence);
    }
  }
}
