package io.asyncws.runtime;

import java.time.Duration;
import java.util.Objects;

/**
 * Limits and timeouts of a WebSocket endpoint, client or server. Immutable; build one with
 * {@link #builder()}. Every default is stated here, once, with the reason for it.
 *
 * <p>Every limit, its default and what happens when a peer hits it:
 *
 * <table>
 *   <caption>Limits and timeouts</caption>
 *   <tr><th>Limit</th><th>Default</th><th>When it is hit</th></tr>
 *   <tr><td>{@link #maxConnections()} (server)</td><td>50 000</td>
 *       <td>{@code 503 Service Unavailable}, then TCP is closed</td></tr>
 *   <tr><td>{@link #maxHandshakeSize()}</td><td>16 KiB</td>
 *       <td>server: {@code 431 Request Header Fields Too Large} (also beyond 100 header fields),
 *       then TCP is closed; client: the connect future fails</td></tr>
 *   <tr><td>{@link #handshakeTimeout()}</td><td>10 s</td>
 *       <td>server: TCP is closed without a response; client: the connect future fails</td></tr>
 *   <tr><td>Origin ({@link AllowedOrigins}, server)</td><td>not installed</td>
 *       <td>{@code 403 Forbidden}, then TCP is closed</td></tr>
 *   <tr><td>{@link #maxFrameSize()}, {@link #maxMessageSize()} (decompressed size with
 *       permessage-deflate)</td><td>16 MiB, 64 MiB</td>
 *       <td>Close {@code 1009}; the connection fails (close event 1009, not clean)</td></tr>
 *   <tr><td>{@link #idleTimeout()}</td><td>60 s</td>
 *       <td>a Ping at half the timeout; Close {@code 1001 "idle timeout"} after all of it (close
 *       event 1001: clean if the peer answers, else not clean after the close timeout)</td></tr>
 *   <tr><td>{@link #pingInterval()} / {@link #pongTimeout()}</td><td>off / 30 s</td>
 *       <td>no Pong within the pong timeout: TCP is dropped without a Close (close event 1006,
 *       and an error)</td></tr>
 *   <tr><td>{@link #writeBufferHighWaterMark()}</td><td>16 MiB</td>
 *       <td>reading from the peer pauses after the message being delivered; it resumes once the
 *       queue has drained to half the mark</td></tr>
 *   <tr><td>{@link #slowConsumerTimeout()}</td><td>30 s</td>
 *       <td>queue above the mark and not drained back to half of it for that long: Close {@code 1008 "slow consumer"} behind the queued
 *       data (close event 1008, not clean, and an error)</td></tr>
 *   <tr><td>{@link #maxBufferedAmount()}</td><td>64 MiB</td>
 *       <td>a {@code send} that would exceed it returns false, the message is dropped, and the
 *       connection closes with {@code 1008 "slow consumer"} as above</td></tr>
 *   <tr><td>{@link #closeTimeout()}</td><td>5 s</td>
 *       <td>every close we start or answer (application, idle, slow consumer, protocol error,
 *       shutdown) drops TCP when the handshake or the flush is not done by then (close event
 *       1006, or our own code for idle, slow consumer and failures)</td></tr>
 *   <tr><td>graceful shutdown ({@code WebSocketServer.close()})</td><td>close timeout + 1 s</td>
 *       <td>Close {@code 1001 "server shutting down"} to every connection; stragglers are
 *       dropped when the wait ends</td></tr>
 * </table>
 *
 * @param maxFrameSize largest payload of a single frame, in bytes; a larger frame fails the
 *     connection with 1009
 * @param maxMessageSize largest whole message (all fragments), in bytes; a larger one fails the
 *     connection with 1009
 * @param maxHandshakeSize largest HTTP upgrade request or response head, in bytes
 * @param handshakeTimeout how long a peer may take to complete the opening handshake
 * @param closeTimeout how long to wait for the peer's Close frame, and then for the peer to
 *     close TCP, before the connection is dropped
 * @param pingInterval how often to send a keep-alive Ping while the connection is open; {@link
 *     Duration#ZERO} sends none
 * @param pongTimeout how long after a keep-alive Ping the peer may stay silent before it is
 *     considered dead and the connection is dropped (1006)
 * @param writeBufferHighWaterMark bytes queued for writing above which the connection stops
 *     reading from the peer until the queue drains below half this mark
 * @param eventLoops number of event-loop threads of a server or client group
 * @param fragmentSize largest payload of an outgoing frame: longer messages are sent as several
 *     frames; 0 sends every message as a single frame
 * @param perMessageDeflate whether permessage-deflate (RFC 7692) is used: a client offers it, a
 *     server accepts a client's offer (the first it can honour); off by default, see {@link
 *     #DEFAULT_PER_MESSAGE_DEFLATE}
 * @param compressionThreshold with permessage-deflate agreed, messages shorter than this many
 *     bytes are sent uncompressed
 * @param maxConnections connections a server holds at once, handshaking or open; a client beyond
 *     this gets {@code 503 Service Unavailable} and its connection is closed
 * @param idleTimeout how long the peer may give no sign of life: anything it sends (data, Ping,
 *     Pong, any byte) restarts the clock. After half of it in silence we send a Ping, which every
 *     WebSocket implementation answers by itself, so a live but quiet peer stays; after all of it
 *     the connection is closed with 1001 "idle timeout", and TCP is dropped if the peer does not
 *     answer within the close timeout. While reading is paused by back-pressure the clock does not
 *     run (the slow-consumer bound applies instead). With keep-alive on as well, one silence gets
 *     one Ping, whichever clock comes first. Both roles; {@link Duration#ZERO} turns it off
 * @param slowConsumerTimeout how long the write queue may stay behind — above {@code
 *     writeBufferHighWaterMark}, or drained below it but not yet to half of it, where reading
 *     resumes — before the connection is closed with 1008 "slow consumer"; the
 *     Close goes behind the queued data, and TCP is dropped if it is not delivered within the
 *     close timeout. Covers servers that only push as well as request/reply
 * @param maxBufferedAmount most bytes the write queue may hold: a message that would take it
 *     further is not queued, {@code send} returns false and the connection is closed with 1008 as
 *     for {@code slowConsumerTimeout}; a message alone in an empty queue is always accepted, so
 *     this bounds memory to the larger of the limit and one message, never the message size
 */
public record WebSocketConfig(
    long maxFrameSize,
    long maxMessageSize,
    int maxHandshakeSize,
    Duration handshakeTimeout,
    Duration closeTimeout,
    Duration pingInterval,
    Duration pongTimeout,
    long writeBufferHighWaterMark,
    int eventLoops,
    int fragmentSize,
    boolean perMessageDeflate,
    int compressionThreshold,
    int maxConnections,
    Duration idleTimeout,
    Duration slowConsumerTimeout,
    long maxBufferedAmount) {

  /**
   * 50 000: enough for the 10 000 idle connections a busy server holds with room to spare, and
   * below the descriptor limit a tuned machine gives one process, so the server refuses politely
   * before accept() starts failing.
   */
  public static final int DEFAULT_MAX_CONNECTIONS = 50_000;
  /** 16 MiB: above this a single frame is more likely an attack or a bug than a message. */
  public static final long DEFAULT_MAX_FRAME_SIZE = 16L << 20;
  /** 64 MiB: whole messages are buffered in memory, so this bounds memory per connection. */
  public static final long DEFAULT_MAX_MESSAGE_SIZE = 64L << 20;
  /** 16 KiB: browsers send about 500 bytes; cookies and tokens rarely take more than a few KiB. */
  public static final int DEFAULT_MAX_HANDSHAKE_SIZE = 16 << 10;
  /** 10 s: a slow-loris peer holds a socket for at most this long before it has upgraded. */
  public static final Duration DEFAULT_HANDSHAKE_TIMEOUT = Duration.ofSeconds(10);
  /** 5 s: long enough for a peer across the world, short enough not to hoard sockets. */
  public static final Duration DEFAULT_CLOSE_TIMEOUT = Duration.ofSeconds(5);
  /** Off: keep-alive costs traffic and is a choice of the application. */
  public static final Duration DEFAULT_PING_INTERVAL = Duration.ZERO;
  /** 30 s: well above any round trip, well below the idle timeouts of common proxies. */
  public static final Duration DEFAULT_PONG_TIMEOUT = Duration.ofSeconds(30);
  /** 0: whole messages in one frame, as browsers send them; peers reassemble either way. */
  public static final int DEFAULT_FRAGMENT_SIZE = 0;
  /** 16 MiB: a slow consumer may hold this much of our memory before we stop reading from it. */
  public static final long DEFAULT_WRITE_BUFFER_HIGH_WATER_MARK = 16L << 20;
  /**
   * 60 s: below the idle cut-off of common proxies and load balancers, and a quiet peer costs us
   * one Ping per 30 s to tell apart from a dead one.
   */
  public static final Duration DEFAULT_IDLE_TIMEOUT = Duration.ofSeconds(60);
  /** 30 s: a reader on a bad mobile link catches up within this; one that does not has left. */
  public static final Duration DEFAULT_SLOW_CONSUMER_TIMEOUT = Duration.ofSeconds(30);
  /**
   * 64 MiB, four times the high-water mark: room for an application that keeps sending while
   * reading is paused, and a hard bound on one peer's share of our memory.
   */
  public static final long DEFAULT_MAX_BUFFERED_AMOUNT = 4 * DEFAULT_WRITE_BUFFER_HIGH_WATER_MARK;

  /**
   * Off. Browsers always offer permessage-deflate, so turning it on affects every browser client;
   * it costs each connection about 300 KiB of zlib memory (a 256 KiB compressor, a 32 KiB
   * window to inflate into) and CPU per message, and compressing secrets next to text an attacker
   * chooses leaks them by the compressed length (CRIME, BREACH). Turn it on where messages are
   * large or repetitive and those costs are understood.
   */
  public static final boolean DEFAULT_PER_MESSAGE_DEFLATE = false;
  /** 256 bytes: below this the DEFLATE block overhead and zlib's set-up eat most of the gain. */
  public static final int DEFAULT_COMPRESSION_THRESHOLD = 256;

  public WebSocketConfig {
    if (compressionThreshold < 0) {
      throw new IllegalArgumentException(
          "compressionThreshold must not be negative: " + compressionThreshold);
    }
    requirePositive(maxFrameSize, "maxFrameSize");
    requirePositive(maxMessageSize, "maxMessageSize");
    requirePositive(maxHandshakeSize, "maxHandshakeSize");
    requirePositive(writeBufferHighWaterMark, "writeBufferHighWaterMark");
    requirePositive(eventLoops, "eventLoops");
    requirePositive(maxConnections, "maxConnections");
    requirePositive(handshakeTimeout, "handshakeTimeout");
    requirePositive(closeTimeout, "closeTimeout");
    requirePositive(pongTimeout, "pongTimeout");
    requirePositive(slowConsumerTimeout, "slowConsumerTimeout");
    requirePositive(maxBufferedAmount, "maxBufferedAmount");
    Objects.requireNonNull(idleTimeout, "idleTimeout");
    if (idleTimeout.isNegative()) {
      throw new IllegalArgumentException("idleTimeout must not be negative: " + idleTimeout);
    }
    if (maxBufferedAmount < writeBufferHighWaterMark) {
      throw new IllegalArgumentException(
          "maxBufferedAmount (" + maxBufferedAmount + ") is below writeBufferHighWaterMark ("
              + writeBufferHighWaterMark + "); raise it to at least the mark");
    }
    if (fragmentSize < 0) {
      throw new IllegalArgumentException("fragmentSize must not be negative: " + fragmentSize);
    }
    Objects.requireNonNull(pingInterval, "pingInterval");
    if (pingInterval.isNegative()) {
      throw new IllegalArgumentException("pingInterval must not be negative: " + pingInterval);
    }
    if (maxFrameSize > maxMessageSize) {
      throw new IllegalArgumentException(
          "maxFrameSize (" + maxFrameSize + ") exceeds maxMessageSize (" + maxMessageSize + ")");
    }
  }

  /** The defaults. */
  public static WebSocketConfig defaults() {
    return builder().build();
  }

  /** A builder holding the defaults. */
  public static Builder builder() {
    return new Builder();
  }

  /** A builder holding this configuration's values. */
  public Builder toBuilder() {
    return new Builder()
        .maxFrameSize(maxFrameSize)
        .maxMessageSize(maxMessageSize)
        .maxHandshakeSize(maxHandshakeSize)
        .handshakeTimeout(handshakeTimeout)
        .closeTimeout(closeTimeout)
        .pingInterval(pingInterval)
        .pongTimeout(pongTimeout)
        .writeBufferHighWaterMark(writeBufferHighWaterMark)
        .eventLoops(eventLoops)
        .fragmentSize(fragmentSize)
        .perMessageDeflate(perMessageDeflate)
        .compressionThreshold(compressionThreshold)
        .maxConnections(maxConnections)
        .idleTimeout(idleTimeout)
        .slowConsumerTimeout(slowConsumerTimeout)
        .maxBufferedAmount(maxBufferedAmount);
  }

  private static void requirePositive(long value, String name) {
    if (value <= 0) throw new IllegalArgumentException(name + " must be positive: " + value);
  }

  private static void requirePositive(Duration value, String name) {
    Objects.requireNonNull(value, name);
    if (value.isNegative() || value.isZero()) {
      throw new IllegalArgumentException(name + " must be positive: " + value);
    }
  }

  /** Builds a {@link WebSocketConfig}; starts from the defaults. Not thread-safe. */
  public static final class Builder {
    private long maxFrameSize = DEFAULT_MAX_FRAME_SIZE;
    private long maxMessageSize = DEFAULT_MAX_MESSAGE_SIZE;
    private int maxHandshakeSize = DEFAULT_MAX_HANDSHAKE_SIZE;
    private Duration handshakeTimeout = DEFAULT_HANDSHAKE_TIMEOUT;
    private Duration closeTimeout = DEFAULT_CLOSE_TIMEOUT;
    private Duration pingInterval = DEFAULT_PING_INTERVAL;
    private Duration pongTimeout = DEFAULT_PONG_TIMEOUT;
    private long writeBufferHighWaterMark = DEFAULT_WRITE_BUFFER_HIGH_WATER_MARK;
    private int eventLoops = Runtime.getRuntime().availableProcessors();
    private int fragmentSize = DEFAULT_FRAGMENT_SIZE;
    private int maxConnections = DEFAULT_MAX_CONNECTIONS;
    private boolean perMessageDeflate = DEFAULT_PER_MESSAGE_DEFLATE;
    private int compressionThreshold = DEFAULT_COMPRESSION_THRESHOLD;
    private Duration idleTimeout = DEFAULT_IDLE_TIMEOUT;
    private Duration slowConsumerTimeout = DEFAULT_SLOW_CONSUMER_TIMEOUT;
    private long maxBufferedAmount = DEFAULT_MAX_BUFFERED_AMOUNT;

    private Builder() {}

    public Builder maxFrameSize(long bytes) {
      this.maxFrameSize = bytes;
      return this;
    }

    public Builder maxMessageSize(long bytes) {
      this.maxMessageSize = bytes;
      return this;
    }

    public Builder maxHandshakeSize(int bytes) {
      this.maxHandshakeSize = bytes;
      return this;
    }

    public Builder handshakeTimeout(Duration timeout) {
      this.handshakeTimeout = timeout;
      return this;
    }

    public Builder closeTimeout(Duration timeout) {
      this.closeTimeout = timeout;
      return this;
    }

    public Builder pingInterval(Duration interval) {
      this.pingInterval = interval;
      return this;
    }

    public Builder pongTimeout(Duration timeout) {
      this.pongTimeout = timeout;
      return this;
    }

    public Builder writeBufferHighWaterMark(long bytes) {
      this.writeBufferHighWaterMark = bytes;
      return this;
    }

    public Builder eventLoops(int count) {
      this.eventLoops = count;
      return this;
    }

    public Builder maxConnections(int count) {
      this.maxConnections = count;
      return this;
    }

    public Builder fragmentSize(int bytes) {
      this.fragmentSize = bytes;
      return this;
    }

    public Builder perMessageDeflate(boolean enabled) {
      this.perMessageDeflate = enabled;
      return this;
    }

    public Builder compressionThreshold(int bytes) {
      this.compressionThreshold = bytes;
      return this;
    }

    /** No sign of life from the peer for this long closes with 1001; ZERO turns it off. */
    public Builder idleTimeout(Duration timeout) {
      this.idleTimeout = timeout;
      return this;
    }

    /** The write queue behind (above the mark, not yet back to half of it) this long: 1008. */
    public Builder slowConsumerTimeout(Duration timeout) {
      this.slowConsumerTimeout = timeout;
      return this;
    }

    /** A send that would queue more than this many bytes closes with 1008. */
    public Builder maxBufferedAmount(long bytes) {
      this.maxBufferedAmount = bytes;
      return this;
    }

    /** The configuration; throws {@link IllegalArgumentException} when a value is out of range. */
    public WebSocketConfig build() {
      return new WebSocketConfig(
          maxFrameSize,
          maxMessageSize,
          maxHandshakeSize,
          handshakeTimeout,
          closeTimeout,
          pingInterval,
          pongTimeout,
          writeBufferHighWaterMark,
          eventLoops,
          fragmentSize,
          perMessageDeflate,
          compressionThreshold,
          maxConnections,
          idleTimeout,
          slowConsumerTimeout,
          maxBufferedAmount);
    }
  }
}
