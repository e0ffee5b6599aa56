package io.asyncws.runtime;

import java.net.URI;
import java.nio.ByteBuffer;

/**
 * One WebSocket connection, client or server side, with the shape of the browser's WebSocket API.
 *
 * <p>Thread-safety: every method may be called from any thread. Messages sent from one thread go
 * out in the order they were sent; sends from several threads are ordered as they enter the
 * queue.
 *
 * <p>Back-pressure: {@link #send} never blocks; it queues. Watch {@link #bufferedAmount()} to
 * pace a producer. Above the configured high-water mark the connection also stops reading from
 * the peer until the queue has drained to half the mark, so a peer that does not read what it is
 * sent cannot make this endpoint buffer without bound from its own requests. A peer that stays
 * behind is cut off with Close 1008 "slow consumer": when the queue does not drain from above the
 * mark to half of it within {@link WebSocketConfig#slowConsumerTimeout()}, or when a send would take it beyond {@link
 * WebSocketConfig#maxBufferedAmount()} (that send is refused).
 */
public interface WebSocket {
  /** The URL of the connection: what the client connected to, or what the server was asked for. */
  URI url();

  /** The current state. */
  ReadyState readyState();

  /** Bytes queued by {@link #send} and not yet written to the network, frame headers included. */
  long bufferedAmount();

  /** The subprotocol the server chose, or the empty string. */
  String protocol();

  /** The extensions the server accepted, as its {@code Sec-WebSocket-Extensions}, or empty. */
  String extensions();

  /**
   * Queues a text message.
   *
   * @return true when queued; false when the connection is closing or closed and the message
   *     will not be sent, or when it would take the queue beyond {@link
   *     WebSocketConfig#maxBufferedAmount()} (the connection then closes with 1008)
   * @throws IllegalStateException while the connection is still {@link ReadyState#CONNECTING}
   */
  boolean send(String text);

  /**
   * Queues a binary message with the remaining bytes of {@code data}; the buffer is not modified
   * and may be reused once this returns.
   *
   * @return true when queued; false when the connection is closing or closed, or the message
   *     does not fit the queue (see {@link #send(String)})
   * @throws IllegalStateException while the connection is still {@link ReadyState#CONNECTING}
   */
  boolean send(ByteBuffer data);

  /** Queues a binary message; see {@link #send(ByteBuffer)}. */
  default boolean send(byte[] data) {
    return send(ByteBuffer.wrap(data));
  }

  /**
   * Sends a Ping with up to 125 bytes of payload; the peer answers with a Pong.
   *
   * @return true when queued; false when the connection is not open
   * @throws IllegalArgumentException if the payload is longer than 125 bytes
   */
  boolean ping(ByteBuffer payload);

  /** Starts the closing handshake with code 1000 and no reason. */
  default void close() {
    close(1000, "");
  }

  /**
   * Starts the closing handshake. Does nothing when the connection is already closing or closed.
   *
   * @param code 1000 or 3000-4999, as the browser allows
   * @param reason at most 123 bytes of UTF-8
   * @throws IllegalArgumentException if the code or the reason is not allowed
   */
  void close(int code, String reason);
}
