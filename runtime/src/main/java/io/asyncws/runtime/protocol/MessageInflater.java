package io.asyncws.runtime.protocol;

/**
 * Decompresses the payload of data messages that a negotiated extension marked with RSV1 (RFC
 * 7692: permessage-deflate). {@link FrameReader} feeds it the unmasked payload piece by piece and
 * takes the output through a {@link Sink}, so the reader, not the inflater, decides how much
 * memory a message may take.
 *
 * <p>Thread rules are the reader's: one thread at a time, the one that reads the socket.
 */
public interface MessageInflater {
  /** Receives decompressed bytes; may refuse them with a {@link ProtocolException} (1009). */
  @FunctionalInterface
  interface Sink {
    /** Takes {@code length} bytes of {@code bytes} from {@code offset}; they are not retained. */
    void write(byte[] bytes, int offset, int length) throws ProtocolException;
  }

  /**
   * Decompresses {@code length} bytes of compressed payload, writing the output to {@code out}
   * before returning; {@code compressed} is not retained.
   *
   * @throws ProtocolException when the data is not valid DEFLATE (1007) or {@code out} refuses
   */
  void inflate(byte[] compressed, int offset, int length, Sink out) throws ProtocolException;

  /** The compressed message is complete: writes the rest of its output to {@code out}. */
  void endMessage(Sink out) throws ProtocolException;
}
