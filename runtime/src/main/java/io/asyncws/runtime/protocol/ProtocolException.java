package io.asyncws.runtime.protocol;

/**
 * The peer broke the protocol; the connection must fail with {@link #closeCode()}.
 *
 * <p>Every protocol violation travels through this one type, so which close code a violation
 * earns is decided where it is detected and nowhere else.
 */
public final class ProtocolException extends Exception {
  private static final long serialVersionUID = 1L;

  private final int closeCode;

  public ProtocolException(int closeCode, String message) {
    super(message, null, false, false);
    this.closeCode = closeCode;
  }

  /** The close code to send: 1002, 1007 or 1009 and the like. */
  public int closeCode() {
    return closeCode;
  }
}
