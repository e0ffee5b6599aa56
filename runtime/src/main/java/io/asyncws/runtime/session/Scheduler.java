package io.asyncws.runtime.session;

/**
 * Runs tasks later on the session's own thread, and tells the time. Injected so that tests can
 * drive timeouts with a fake clock instead of sleeping.
 */
public interface Scheduler {
  /** A task that may still be cancelled. */
  interface Cancellable {
    /** Prevents the task from running if it has not run yet. Idempotent. */
    void cancel();
  }

  /**
   * Runs {@code task} after {@code delayNanos} on the session's thread.
   *
   * <p>Only the session's thread calls this.
   */
  Cancellable schedule(Runnable task, long delayNanos);

  /** A monotonic clock in nanoseconds, as {@link System#nanoTime()}. */
  long nanoTime();
}
