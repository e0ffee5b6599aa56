package io.asyncws.runtime.protocol;

/**
 * Close status codes of RFC 6455 §7.4, and which of them may appear on the wire.
 *
 * <p>{@link #NO_STATUS_RECEIVED}, {@link #ABNORMAL_CLOSURE} and {@link #TLS_HANDSHAKE} are reported
 * to the local application only; they are never sent and a peer that sends them fails the
 * connection.
 */
public final class CloseCodes {
  private CloseCodes() {}

  public static final int NORMAL_CLOSURE = 1000;
  public static final int GOING_AWAY = 1001;
  public static final int PROTOCOL_ERROR = 1002;
  public static final int UNSUPPORTED_DATA = 1003;
  /** Local only: the Close frame carried no status code. */
  public static final int NO_STATUS_RECEIVED = 1005;
  /** Local only: the connection ended without a Close frame. */
  public static final int ABNORMAL_CLOSURE = 1006;
  public static final int INVALID_PAYLOAD = 1007;
  public static final int POLICY_VIOLATION = 1008;
  public static final int MESSAGE_TOO_BIG = 1009;
  public static final int MANDATORY_EXTENSION = 1010;
  public static final int INTERNAL_ERROR = 1011;
  public static final int SERVICE_RESTART = 1012;
  public static final int TRY_AGAIN_LATER = 1013;
  public static final int BAD_GATEWAY = 1014;
  /** Local only: the TLS handshake failed. */
  public static final int TLS_HANDSHAKE = 1015;

  /**
   * Whether a peer may send {@code code} in a Close frame: the codes defined for the wire in
   * §7.4.1 plus the IANA-registered 1012-1014, and the 3000-4999 ranges for libraries and
   * applications.
   */
  public static boolean isValidOnWire(int code) {
    if (code >= 3000 && code <= 4999) return true;
    return switch (code) {
      case NORMAL_CLOSURE, GOING_AWAY, PROTOCOL_ERROR, UNSUPPORTED_DATA, INVALID_PAYLOAD,
          POLICY_VIOLATION, MESSAGE_TOO_BIG, MANDATORY_EXTENSION, INTERNAL_ERROR,
          SERVICE_RESTART, TRY_AGAIN_LATER, BAD_GATEWAY -> true;
      default -> false;
    };
  }

  /**
   * Whether an application may pass {@code code} to {@code close(code, reason)}: the browser's
   * WebSocket API allows 1000 and 3000-4999 only.
   */
  public static boolean isValidForApplication(int code) {
    return code == NORMAL_CLOSURE || (code >= 3000 && code <= 4999);
  }
}
