package io.asyncws.runtime.deflate;

import static io.asyncws.runtime.deflate.DeflateParameters.MAX_WINDOW_BITS;
import static io.asyncws.runtime.deflate.DeflateParameters.effectiveWindowBits;

import io.asyncws.runtime.protocol.MessageInflater;
import io.asyncws.runtime.protocol.Role;
import java.nio.ByteBuffer;
import java.util.Objects;

/**
 * permessage-deflate for one connection: a compressor for what we send, an inflater for what we
 * receive, configured from the agreed {@link DeflateParameters} and our role.
 *
 * <p>Windows: java.util.zip cannot make its compressor use less than a 32 KiB window. When the
 * peer limited our window to 2^n bytes with n below 15, we compress only messages of at most 2^n
 * bytes, each with a fresh compressor: a back-reference can then reach at most to the start of
 * its own message, so never beyond the window. Longer messages go uncompressed (RSV1 clear),
 * which RFC 7692 allows for any message.
 *
 * <p>Threads: {@link #compress} under the session's send lock; {@link #inflater()} on the
 * reading thread; {@link #close()} once, when the connection has closed and neither is in use.
 */
public final class PerMessageDeflate implements AutoCloseable {
  private final DeflateParameters parameters;
  private final int threshold;
  private final int maxCompressible;
  private final DeflateCompressor compressor;
  private final DeflateInflater inflater;
  private boolean closed;

  /**
   * @param role our end: a server sends under the {@code server_} parameters, a client under the
   *     {@code client_} ones
   * @param parameters what the handshake agreed
   * @param threshold messages shorter than this many bytes are sent uncompressed
   */
  public PerMessageDeflate(Role role, DeflateParameters parameters, int threshold) {
    this.parameters = Objects.requireNonNull(parameters, "parameters");
    if (threshold < 0) throw new IllegalArgumentException("threshold must not be negative");
    this.threshold = threshold;
    boolean server = role == Role.SERVER;
    int sendWindow =
        effectiveWindowBits(
            server ? parameters.serverMaxWindowBits() : parameters.clientMaxWindowBits());
    boolean sendNoContext =
        server ? parameters.serverNoContextTakeover() : parameters.clientNoContextTakeover();
    boolean limitedWindow = sendWindow < MAX_WINDOW_BITS;
    this.maxCompressible = limitedWindow ? 1 << sendWindow : Integer.MAX_VALUE;
    this.compressor = new DeflateCompressor(sendNoContext || limitedWindow);
    this.inflater =
        new DeflateInflater(
            server ? parameters.clientNoContextTakeover() : parameters.serverNoContextTakeover());
  }

  /** The agreed parameters. */
  public DeflateParameters parameters() {
    return parameters;
  }

  /**
   * The compressed payload of a message, to be sent with RSV1 on its first frame; or null when
   * the message is to be sent as it is (shorter than the threshold, or longer than a limited
   * window). {@code payload} is left untouched.
   */
  public ByteBuffer compress(ByteBuffer payload) {
    int length = payload.remaining();
    if (length < threshold || length > maxCompressible) return null;
    return compressor.compress(payload);
  }

  /** The inflater the frame reader hands RSV1 messages to. */
  public MessageInflater inflater() {
    return inflater;
  }

  /** Releases zlib's native memory of both directions; later calls do nothing. */
  @Override
  public void close() {
    if (closed) return;
    closed = true;
    compressor.end();
    inflater.end();
  }

  /** Whether {@link #close()} released the memory. */
  public boolean isClosed() {
    return closed;
  }
}
