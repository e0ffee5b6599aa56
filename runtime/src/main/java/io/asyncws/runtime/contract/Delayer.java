package io.asyncws.runtime.contract;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/**
 * Runs a task once after a delay. Injected into {@link PendingReplies} so that tests can fire
 * timeouts by hand instead of sleeping.
 */
@FunctionalInterface
public interface Delayer {
  /** A scheduled task that may still be cancelled. */
  @FunctionalInterface
  interface Cancellable {
    /** Prevents the task from running if it has not run yet. Idempotent. */
    void cancel();
  }

  /** Runs {@code task} after {@code delay} on some thread other than the caller's. */
  Cancellable schedule(Runnable task, Duration delay);

  /**
   * The JDK's shared delayed executor: no thread of our own to stop, and a cancelled task is
   * simply skipped when its time comes.
   */
  static Delayer system() {
    return (task, delay) -> {
      CompletableFuture<Void> timer = new CompletableFuture<>();
      CompletableFuture.delayedExecutor(delay.toNanos(), TimeUnit.NANOSECONDS)
          .execute(() -> {
            if (timer.complete(null)) task.run();
          });
      return () -> timer.cancel(false);
    };
  }
}
