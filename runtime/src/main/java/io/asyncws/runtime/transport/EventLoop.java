package io.asyncws.runtime.transport;

import io.asyncws.runtime.session.Scheduler;
import io.asyncws.runtime.session.TimerQueue;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.CancelledKeyException;
import java.nio.channels.ClosedChannelException;
import java.nio.channels.SelectableChannel;
import java.nio.channels.SelectionKey;
import java.nio.channels.Selector;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * One selector thread serving many connections: I/O readiness, tasks posted from other threads,
 * and timers, all run on the loop's own thread so that a connection's state needs no locks.
 *
 * <p>Thread-safety: {@link #execute} and {@link #shutdown} may be called from any thread; {@link
 * #schedule} and {@link #register} only from the loop thread.
 */
public final class EventLoop implements Executor, Scheduler {
  private static final Logger LOG = Logger.getLogger(EventLoop.class.getName());

  /** 64 KiB: one read takes what a busy TCP receive window typically holds. */
  static final int READ_BUFFER_SIZE = 64 << 10;
  /** 64 KiB: a read batch's echoes of small messages fit in one write; larger frames bypass it. */
  static final int WRITE_BUFFER_SIZE = 64 << 10;

  private final Selector selector;
  private final Thread thread;
  private final Queue<Runnable> tasks = new ConcurrentLinkedQueue<>();
  private final TimerQueue timers = new TimerQueue();
  private final AtomicBoolean wakeupPending = new AtomicBoolean();
  private final CountDownLatch terminated = new CountDownLatch(1);
  /** Shared by every connection of this loop: reads are consumed before the next one starts. */
  private final ByteBuffer readBuffer = ByteBuffer.allocateDirect(READ_BUFFER_SIZE);
  /**
   * Shared by every connection of this loop for its gathering writes, which run on the loop
   * thread and end before the next starts: 272 bytes less per connection.
   */
  private final ByteBuffer[] gather = new ByteBuffer[NioConnection.GATHER_MAX];
  /** Shared by every connection of this loop: each flush copies small frames here for one write. */
  private final ByteBuffer writeBuffer = ByteBuffer.allocateDirect(WRITE_BUFFER_SIZE);
  private volatile boolean shuttingDown;

  EventLoop(String name) {
    try {
      this.selector = Selector.open();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot open a selector", e);
    }
    this.thread = new Thread(this::run, name);
    thread.setDaemon(true);
    thread.start();
  }

  /** Whether the calling thread is this loop's thread. */
  public boolean inEventLoop() {
    return Thread.currentThread() == thread;
  }

  @Override
  public void execute(Runnable task) {
    tasks.add(task);
    if (!inEventLoop() && wakeupPending.compareAndSet(false, true)) selector.wakeup();
  }

  @Override
  public Cancellable schedule(Runnable task, long delayNanos) {
    assert inEventLoop();
    return timers.schedule(System.nanoTime() + Math.max(0, delayNanos), task);
  }

  @Override
  public long nanoTime() {
    return System.nanoTime();
  }

  /** Registers {@code channel} for {@code ops}; loop thread only. */
  SelectionKey register(SelectableChannel channel, int ops, IoHandler handler)
      throws ClosedChannelException {
    assert inEventLoop();
    return channel.register(selector, ops, handler);
  }

  /** The loop's read buffer, cleared; valid until the caller returns to the loop. */
  ByteBuffer readBuffer() {
    return readBuffer.clear();
  }

  /** The loop's array for gathering writes, all null; loop thread only, emptied after use. */
  ByteBuffer[] gatherScratch() {
    assert inEventLoop();
    return gather;
  }

  /** The loop's write buffer, cleared; valid until the caller returns to the loop. */
  ByteBuffer writeBuffer() {
    return writeBuffer.clear();
  }

  /** Stops the loop: every registered handler is told to release its channel. */
  public void shutdown() {
    shuttingDown = true;
    selector.wakeup();
  }

  /** Waits up to {@code timeoutMillis} for the loop thread to end. */
  public boolean awaitTermination(long timeoutMillis) throws InterruptedException {
    return terminated.await(timeoutMillis, TimeUnit.MILLISECONDS);
  }

  private void run() {
    try {
      while (!shuttingDown) {
        selectOnce();
        processSelectedKeys();
        runTasks();
        runDueTimers();
      }
    } catch (Throwable t) {
      LOG.log(Level.SEVERE, "event loop " + thread.getName() + " died", t);
    } finally {
      closeAll();
      terminated.countDown();
    }
  }

  private void selectOnce() throws IOException {
    if (!tasks.isEmpty()) {
      selector.selectNow();
    } else {
      long waitMillis = 0; // 0 means "until woken"
      if (!timers.isEmpty()) {
        long nanos = timers.nextDeadline() - System.nanoTime();
        if (nanos <= 0) {
          selector.selectNow();
          wakeupPending.set(false);
          return;
        }
        waitMillis = Math.max(1, TimeUnit.NANOSECONDS.toMillis(nanos + 999_999));
      }
      selector.select(waitMillis);
    }
    wakeupPending.set(false);
  }

  private void processSelectedKeys() {
    var selected = selector.selectedKeys();
    if (selected.isEmpty()) return;
    for (var iterator = selected.iterator(); iterator.hasNext(); ) {
      SelectionKey key = iterator.next();
      iterator.remove();
      IoHandler handler = (IoHandler) key.attachment();
      try {
        int ready = key.readyOps();
        if ((ready & SelectionKey.OP_CONNECT) != 0) handler.onConnectable();
        if (key.isValid() && (ready & SelectionKey.OP_WRITE) != 0) handler.onWritable();
        if (key.isValid() && (ready & SelectionKey.OP_READ) != 0) handler.onReadable();
      } catch (CancelledKeyException ignored) {
        // The handler closed its channel while handling an earlier readiness bit.
      } catch (RuntimeException e) {
        // A bug in one connection's handling must not take the loop's other connections down.
        LOG.log(Level.SEVERE, "connection failed unexpectedly; dropping it", e);
        handler.abort();
      }
    }
  }

  private void runTasks() {
    // Bounded: tasks posted while running wait for the next turn, so I/O is never starved.
    for (int i = tasks.size(); i > 0; i--) {
      Runnable task = tasks.poll();
      if (task == null) return;
      runSafely(task);
    }
  }

  private void runDueTimers() {
    timers.runDue(System.nanoTime(), deadline -> {}, EventLoop::runSafely);
  }

  private static void runSafely(Runnable task) {
    try {
      task.run();
    } catch (RuntimeException e) {
      LOG.log(Level.WARNING, "task failed on the event loop", e);
    }
  }

  private void closeAll() {
    for (SelectionKey key : selector.keys()) {
      if (key.attachment() instanceof IoHandler handler) {
        try {
          handler.abort();
        } catch (RuntimeException e) {
          LOG.log(Level.WARNING, "handler failed to shut down", e);
        }
      }
    }
    try {
      selector.close();
    } catch (IOException e) {
      LOG.log(Level.FINE, "selector close failed", e);
    }
  }
}
