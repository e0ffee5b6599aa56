package io.asyncws.runtime.transport;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A fixed set of {@link EventLoop}s. Servers and clients may share one group, so that a process
 * needs no more I/O threads than it has cores. Connections are spread over the loops in turn.
 *
 * <p>Thread-safety: all methods may be called from any thread.
 */
public final class EventLoopGroup implements AutoCloseable {
  private static final AtomicInteger GROUPS = new AtomicInteger();

  private final List<EventLoop> loops;
  private final AtomicInteger next = new AtomicInteger();

  /** Starts {@code size} event-loop threads, named {@code asyncws-<group>-<loop>}. */
  public EventLoopGroup(int size) {
    if (size <= 0) throw new IllegalArgumentException("size must be positive: " + size);
    int group = GROUPS.incrementAndGet();
    List<EventLoop> started = new ArrayList<>(size);
    for (int i = 0; i < size; i++) started.add(new EventLoop("asyncws-" + group + "-" + i));
    this.loops = List.copyOf(started);
  }

  /** The loop for the next connection. */
  public EventLoop next() {
    return loops.get(Math.floorMod(next.getAndIncrement(), loops.size()));
  }

  /** Number of loops. */
  public int size() {
    return loops.size();
  }

  /**
   * Stops every loop, dropping their connections without a closing handshake, and waits up to
   * five seconds for the threads to end. Close servers and clients first for a graceful stop.
   */
  @Override
  public void close() {
    loops.forEach(EventLoop::shutdown);
    long deadline = System.nanoTime() + 5_000_000_000L;
    for (EventLoop loop : loops) {
      long remainingMillis = Math.max(0, (deadline - System.nanoTime()) / 1_000_000);
      try {
        loop.awaitTermination(remainingMillis);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return;
      }
    }
  }
}
