package io.asyncws.runtime.session;

import java.nio.ByteBuffer;
import java.util.concurrent.Executor;

/**
 * What a {@link WebSocketSession} needs of the byte stream under it: a write queue, a way to
 * close, and the thread its events run on. The NIO connection implements it; tests implement it
 * in memory.
 */
public interface Transport {
  /**
   * Queues bytes to write. Any thread may call this; bytes are written in the order queued. The
   * buffer must not be modified afterwards.
   */
  void write(ByteBuffer bytes);

  /** Bytes queued and not yet written. */
  long bufferedAmount();

  /**
   * Whether the write queue is above its high-water mark: the session then stops taking messages
   * from the peer, and the transport stops reading, until the queue has drained.
   */
  boolean overHighWaterMark();

  /**
   * When the write queue last rose above its high-water mark, on {@link Scheduler#nanoTime()}'s
   * clock, or -1 once it has drained to half the mark since (where reading resumes): how long the
   * peer has been behind. Not "while above the mark": a queue that drains below the mark but never
   * to half of it keeps reading paused, and a peer that reads nothing leaves it there. Only the
   * executor thread calls this.
   */
  long behindSince();

  /** Closes the connection once every queued byte has been written. */
  void closeAfterFlush();

  /** Closes the connection at once, dropping anything still queued. */
  void closeNow();

  /** Runs tasks on the thread that delivers this transport's events. */
  Executor executor();

  /** Whether the calling thread is the one {@link #executor()} runs on. */
  boolean inExecutor();

  /** Timers on the same thread. */
  Scheduler scheduler();
}
