package io.asyncws.runtime.interop;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * Sends the frames of one message after another on a thread of its own, each after the
 * previous one completed. Chaining the sends on completion callbacks instead would recurse
 * once per frame when the library completes them synchronously: 16 MiB in 1021-byte frames
 * overflowed the JDK client's stack, and the error vanished inside a future.
 *
 * <p>Thread rules: any thread may call {@link #send}; messages go out in call order.
 */
final class FrameSender implements AutoCloseable {
  /** A single frame write that takes this long means the peer has stopped reading. */
  private static final Duration FRAME_TIMEOUT = Duration.ofSeconds(30);

  /** One frame: its payload and whether it ends the message; completes when written. */
  interface SendOne {
    CompletableFuture<?> send(byte[] payload, boolean last);
  }

  private final ExecutorService thread = Executors.newSingleThreadExecutor(r -> {
    Thread t = new Thread(r, "interop-frame-sender");
    t.setDaemon(true);
    return t;
  });

  /** Queues the frames of one message; {@code onFailure} gets the first failed or timed-out write. */
  void send(List<byte[]> frames, SendOne sendOne, Consumer<Throwable> onFailure) {
    thread.execute(() -> {
      try {
        for (int i = 0; i < frames.size(); i++) {
          sendOne.send(frames.get(i), i == frames.size() - 1).get(FRAME_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
        }
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      } catch (Exception e) {
        onFailure.accept(e);
      }
    });
  }

  /** Stops the thread, abandoning queued messages. */
  @Override
  public void close() {
    thread.shutdownNow();
  }
}
