package io.asyncws.runtime.deflate;

/**
 * The permessage-deflate parameters both ends agreed on (RFC 7692 §7.1), as the server's response
 * states them.
 *
 * @param serverNoContextTakeover the server resets its compressor after every message
 * @param clientNoContextTakeover the client resets its compressor after every message
 * @param serverMaxWindowBits the server's LZ77 window, 8-15, or {@link #UNSTATED} when the
 *     response does not name it (then 15)
 * @param clientMaxWindowBits the client's LZ77 window, 8-15, or {@link #UNSTATED} (then 15)
 */
public record DeflateParameters(
    boolean serverNoContextTakeover,
    boolean clientNoContextTakeover,
    int serverMaxWindowBits,
    int clientMaxWindowBits) {
  /** The extension token. */
  public static final String NAME = "permessage-deflate";
  /** A window parameter that was not written: the window is the full 32 KiB (RFC 7692 §7.1.2). */
  public static final int UNSTATED = 0;
  /** Smallest window the RFC allows, 2^8 bytes. */
  public static final int MIN_WINDOW_BITS = 8;
  /** Largest window, 2^15 bytes: DEFLATE's limit, and the only one java.util.zip can use. */
  public static final int MAX_WINDOW_BITS = 15;

  static final String SERVER_NO_CONTEXT_TAKEOVER = "server_no_context_takeover";
  static final String CLIENT_NO_CONTEXT_TAKEOVER = "client_no_context_takeover";
  static final String SERVER_MAX_WINDOW_BITS = "server_max_window_bits";
  static final String CLIENT_MAX_WINDOW_BITS = "client_max_window_bits";

  public DeflateParameters {
    checkWindow(serverMaxWindowBits, SERVER_MAX_WINDOW_BITS);
    checkWindow(clientMaxWindowBits, CLIENT_MAX_WINDOW_BITS);
  }

  /** No parameters: both ends keep their context and use the full window. */
  public static final DeflateParameters DEFAULTS = new DeflateParameters(false, false, UNSTATED, UNSTATED);

  /** The {@code Sec-WebSocket-Extensions} value of a server that accepts these parameters. */
  public String toHeader() {
    StringBuilder header = new StringBuilder(NAME);
    if (serverNoContextTakeover) header.append("; ").append(SERVER_NO_CONTEXT_TAKEOVER);
    if (clientNoContextTakeover) header.append("; ").append(CLIENT_NO_CONTEXT_TAKEOVER);
    if (serverMaxWindowBits != UNSTATED) {
      header.append("; ").append(SERVER_MAX_WINDOW_BITS).append('=').append(serverMaxWindowBits);
    }
    if (clientMaxWindowBits != UNSTATED) {
      header.append("; ").append(CLIENT_MAX_WINDOW_BITS).append('=').append(clientMaxWindowBits);
    }
    return header.toString();
  }

  /** The window, in bits, that {@code bits} stands for. */
  static int effectiveWindowBits(int bits) {
    return bits == UNSTATED ? MAX_WINDOW_BITS : bits;
  }

  private static void checkWindow(int bits, String name) {
    if (bits != UNSTATED && (bits < MIN_WINDOW_BITS || bits > MAX_WINDOW_BITS)) {
      throw new IllegalArgumentException(name + " must be 8 to 15: " + bits);
    }
  }
}
