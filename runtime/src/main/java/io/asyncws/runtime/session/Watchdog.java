package io.asyncws.runtime.session;

import io.asyncws.runtime.ReadyState;
import io.asyncws.runtime.WebSocketConfig;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * The clocks of one {@link WebSocketSession}: keep-alive Pings, the idle timeout and the
 * slow-consumer bound, each at most one pending timer, re-armed when it fires rather than on every
 * frame: a read only stores a timestamp.
 *
 * <p>Pings: a Ping goes out only when something has been received since our previous one, so the
 * keep-alive and the idle probe never both ping one silence; a peer that ignored one Ping is not
 * helped by a second, and the pong timeout counts from the oldest unanswered one.
 *
 * <p>Threading: {@link #queueOverMark()} may be called from any thread; everything else runs on
 * the session's executor thread.
 */
final class Watchdog {
  private final WebSocketSession session;
  private final Transport transport;
  private final Scheduler scheduler;
  private final long pingInterval;
  private final long pongTimeout;
  private final long idleTimeout;
  private final long slowConsumerTimeout;
  /** Whether a slow-consumer check is armed or about to be; any thread. */
  private final AtomicBoolean watchingQueue = new AtomicBoolean();

  // Executor thread only.
  private long lastReadAt;
  private boolean pingedSinceRead;
  /** When the oldest Ping not yet answered by a Pong went out, or -1. */
  private long pingSentAt = -1;
  private Scheduler.Cancellable keepAliveTimer;
  private Scheduler.Cancellable pongTimer;
  private Scheduler.Cancellable idleTimer;
  private Scheduler.Cancellable slowConsumerTimer;
  private boolean stopped;

  Watchdog(WebSocketSession session, Transport transport, WebSocketConfig config) {
    this.session = session;
    this.transport = transport;
    this.scheduler = transport.scheduler();
    this.pingInterval = config.pingInterval().toNanos();
    this.pongTimeout = config.pongTimeout().toNanos();
    this.idleTimeout = config.idleTimeout().toNanos();
    this.slowConsumerTimeout = config.slowConsumerTimeout().toNanos();
  }

  /** The connection opened: the clocks start. */
  void start() {
    lastReadAt = scheduler.nanoTime();
    if (pingInterval > 0) keepAliveTimer = scheduler.schedule(this::keepAlive, pingInterval);
    if (idleTimeout > 0) idleTimer = scheduler.schedule(this::checkIdle, idleTimeout / 2);
  }

  /** Bytes arrived from the peer: a sign of life. Called per read, so it only notes the time. */
  void onRead() {
    lastReadAt = scheduler.nanoTime();
    pingedSinceRead = false;
  }

  /** A Pong arrived: every Ping sent so far counts as answered. */
  void onPong() {
    pingSentAt = -1;
  }

  /**
   * The write queue is above its high-water mark: start the slow-consumer clock unless it runs.
   * Any thread; cheap when the clock runs already.
   */
  void queueOverMark() {
    if (watchingQueue.get() || !watchingQueue.compareAndSet(false, true)) return;
    if (transport.inExecutor()) {
      armSlowConsumerCheck();
    } else {
      transport.executor().execute(this::armSlowConsumerCheck);
    }
  }

  /** The connection is closed: no timer fires any more. */
  void stop() {
    stopped = true;
    cancel(keepAliveTimer);
    cancel(pongTimer);
    cancel(idleTimer);
    cancel(slowConsumerTimer);
  }

  private void keepAlive() {
    if (stopped || !probe()) return; // closing: the close timeout bounds what is left
    pongTimer = scheduler.schedule(this::checkPong, pongTimeout);
    keepAliveTimer = scheduler.schedule(this::keepAlive, pingInterval);
  }

  private void checkPong() {
    if (stopped || pingSentAt < 0) return;
    if (scheduler.nanoTime() - pingSentAt >= pongTimeout) {
      session.dropUnresponsivePeer(
          "no Pong within " + Duration.ofNanos(pongTimeout) + "; the peer is gone");
    }
  }

  /**
   * Lazily re-armed: it fires at half the idle timeout after the last read (then pings) and at the
   * full timeout (then closes); a busy connection costs one timer per half timeout.
   */
  private void checkIdle() {
    if (stopped) return;
    long now = scheduler.nanoTime();
    // Behind, we are not reading, so silence proves nothing; the slow-consumer bound rules.
    if (transport.behindSince() >= 0) lastReadAt = now;
    long silent = now - lastReadAt;
    if (silent >= idleTimeout) {
      session.closeIdle();
      return;
    }
    long half = idleTimeout / 2;
    if (silent >= half && !probe()) return;
    idleTimer = scheduler.schedule(this::checkIdle, (silent < half ? half : idleTimeout) - silent);
  }

  /** Pings unless a Ping already went out since the last read; false once the session closes. */
  private boolean probe() {
    if (pingedSinceRead) return session.readyState() == ReadyState.OPEN;
    if (!session.sendPing()) return false;
    pingedSinceRead = true;
    if (pingSentAt < 0) pingSentAt = scheduler.nanoTime();
    return true;
  }

  private void armSlowConsumerCheck() {
    if (stopped) return;
    slowConsumerTimer = scheduler.schedule(this::checkSlowConsumer, slowConsumerTimeout);
  }

  /** Closes with 1008 once the queue has stayed behind for the whole timeout. */
  private void checkSlowConsumer() {
    slowConsumerTimer = null;
    if (stopped || session.readyState() != ReadyState.OPEN) return;
    long since = transport.behindSince();
    if (since < 0) {
      // Drained to half the mark since: watch again only when it rises again. Clearing the flag
      // before looking at the queue means a sender that found it set has its bytes seen here.
      watchingQueue.set(false);
      if (transport.overHighWaterMark()) queueOverMark();
      return;
    }
    long left = since + slowConsumerTimeout - scheduler.nanoTime();
    if (left > 0) {
      slowConsumerTimer = scheduler.schedule(this::checkSlowConsumer, left);
      return;
    }
    session.failSlowConsumer(
        "the peer has not read our messages for "
            + Duration.ofNanos(slowConsumerTimeout)
            + "; " + transport.bufferedAmount() + " bytes wait for it");
  }

  private static void cancel(Scheduler.Cancellable timer) {
    if (timer != null) timer.cancel();
  }
}
