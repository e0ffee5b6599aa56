package io.asyncws.runtime.contract;

import java.time.Duration;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeoutException;

/**
 * Requests waiting for their reply, by correlation id: what a generated client uses for
 * request/reply operations.
 *
 * <p>Every request gets a {@link CompletableFuture} that completes with the reply carrying the same
 * correlation id, or exceptionally: with a {@link TimeoutException} when no reply came in time,
 * with {@link ReplyRegistryClosedException} when the connection closed first.
 *
 * <p>Back-pressure: at most {@code maxPending} requests wait at once; one more fails at once with
 * {@link IllegalStateException} rather than growing the table without bound when a server stops
 * answering.
 *
 * <p>Thread-safety: every method may be called from any thread.
 *
 * @param <V> the reply type
 */
public final class PendingReplies<V> {
  private final Map<String, CompletableFuture<V>> pending = new ConcurrentHashMap<>();
  private final int maxPending;
  private final Duration timeout;
  private final Delayer delayer;
  private volatile Throwable closedBy;

  /**
   * A registry.
   *
   * @param maxPending how many requests may wait at once, at least 1
   * @param timeout how long a request waits for its reply, positive
   * @param delayer fires the timeouts
   */
  public PendingReplies(int maxPending, Duration timeout, Delayer delayer) {
    if (maxPending < 1) throw new IllegalArgumentException("maxPending must be at least 1: " + maxPending);
    if (timeout.isNegative() || timeout.isZero()) {
      throw new IllegalArgumentException("timeout must be positive: " + timeout);
    }
    this.maxPending = maxPending;
    this.timeout = timeout;
    this.delayer = Objects.requireNonNull(delayer, "delayer");
  }

  /**
   * Registers a request about to be sent with correlation id {@code id}.
   *
   * @return the future of its reply
   * @throws IllegalStateException when {@code maxPending} requests already wait, when a request
   *     with the same id waits, or when the registry is closed
   */
  public CompletableFuture<V> register(String id) {
    Objects.requireNonNull(id, "id");
    if (closedBy != null) throw new IllegalStateException("the connection is closed", closedBy);
    if (pending.size() >= maxPending) {
      throw new IllegalStateException(maxPending + " requests already wait for a reply");
    }
    CompletableFuture<V> future = new CompletableFuture<>();
    if (pending.putIfAbsent(id, future) != null) {
      throw new IllegalStateException("a request with correlation id " + id + " already waits");
    }
    Delayer.Cancellable timer = delayer.schedule(() -> future.completeExceptionally(new TimeoutException(
        "no reply with correlation id " + id + " within " + timeout.toMillis() + " ms")), timeout);
    future.whenComplete((reply, error) -> {
      timer.cancel();
      pending.remove(id, future);
    });
    // close() may have run between the check above and the put: fail what it missed.
    Throwable closed = closedBy;
    if (closed != null) future.completeExceptionally(closed);
    return future;
  }

  /**
   * Completes the request with this correlation id.
   *
   * @return true when a request was waiting for it; false for a late or unsolicited reply
   */
  public boolean complete(String id, V reply) {
    CompletableFuture<V> future = pending.get(id);
    return future != null && future.complete(reply);
  }

  /** Fails the request with this id, e.g. when it could not be sent; false when none waits. */
  public boolean fail(String id, Throwable error) {
    CompletableFuture<V> future = pending.get(id);
    return future != null && future.completeExceptionally(error);
  }

  /** Whether a request with this correlation id waits. */
  public boolean isPending(String id) {
    return pending.containsKey(id);
  }

  /** How many requests wait. */
  public int size() {
    return pending.size();
  }

  /**
   * Fails every waiting request with a {@link ReplyRegistryClosedException} and refuses new ones:
   * called when the connection closes. Idempotent.
   */
  public void close(String reason) {
    if (closedBy == null) closedBy = new ReplyRegistryClosedException(reason);
    for (CompletableFuture<V> future : pending.values()) future.completeExceptionally(closedBy);
  }
}
