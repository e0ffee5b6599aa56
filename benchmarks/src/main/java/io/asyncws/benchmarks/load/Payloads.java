package io.asyncws.benchmarks.load;

/**
 * Where the bytes of the load's messages come from: {@link PayloadPattern} (random text or
 * binary) or {@link JsonPayload} (JSON messages of the echo contract). Every message of a run has
 * the same size, so frames are alike whatever the payload.
 */
public interface Payloads {
  /** Payload bytes per message. */
  int size();

  /** The messages of connection {@code id}, which keeps at most {@code window} in flight. */
  Messages forConnection(int id, int window);

  /**
   * The messages of one connection: message {@code seq} is {@code array()[offset(seq)]} to
   * {@code array()[offset(seq) + size() - 1]} from the moment it is prepared until its echo has
   * been checked. Only the load program's selector thread uses it.
   */
  interface Messages {
    /**
     * Makes message {@code seq} ready to send and returns {@link #offset}; called once per message,
     * in order, while fewer than {@code window} messages are in flight.
     *
     * @throws IllegalStateException when message {@code seq} cannot be made in {@link #size()} bytes
     */
    int prepare(long seq);

    /** Where message {@code seq} starts in {@link #array()}, while it is in flight. */
    int offset(long seq);

    /** The bytes the messages are windows of. */
    byte[] array();
  }
}
