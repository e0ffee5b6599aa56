package io.asyncws.runtime.handshake;

import io.asyncws.runtime.protocol.WebSocketProtocol;
import java.nio.charset.StandardCharsets;
import java.security.DigestException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.Locale;
import java.util.Set;

/**
 * Names of the header fields of the opening handshake (RFC 6455 §4 and §11.3), and the {@code
 * Sec-WebSocket-Accept} computation both ends need.
 */
public final class HandshakeHeaders {
  private HandshakeHeaders() {}

  public static final String HOST = "Host";
  public static final String UPGRADE = "Upgrade";
  public static final String CONNECTION = "Connection";
  public static final String ORIGIN = "Origin";
  public static final String SEC_WEBSOCKET_KEY = "Sec-WebSocket-Key";
  public static final String SEC_WEBSOCKET_ACCEPT = "Sec-WebSocket-Accept";
  public static final String SEC_WEBSOCKET_VERSION = "Sec-WebSocket-Version";
  public static final String SEC_WEBSOCKET_PROTOCOL = "Sec-WebSocket-Protocol";
  public static final String SEC_WEBSOCKET_EXTENSIONS = "Sec-WebSocket-Extensions";

  /** The {@code Upgrade} token naming the protocol, compared ignoring case (§4.2.1). */
  public static final String WEBSOCKET = "websocket";

  /**
   * The {@code Connection} option that must accompany an {@code Upgrade} header (RFC 9110 §7.8).
   */
  public static final String UPGRADE_OPTION = "Upgrade";

  /** Bytes of nonce a {@code Sec-WebSocket-Key} encodes (§4.1). */
  public static final int KEY_NONCE_BYTES = 16;

  /** Characters of base64 for 16 bytes: two padding characters included. */
  public static final int KEY_LENGTH = 24;

  /**
   * Fields the handshake code writes itself; an application's extra headers may not name them,
   * because a second {@code Upgrade} or {@code Sec-WebSocket-Accept} would break the handshake.
   */
  static final Set<String> RESERVED =
      Set.of(
          "host",
          "upgrade",
          "connection",
          "sec-websocket-key",
          "sec-websocket-accept",
          "sec-websocket-version",
          "sec-websocket-protocol",
          "sec-websocket-extensions",
          "content-length",
          "transfer-encoding");

  /** Whether an application may not set {@code name} itself. */
  static boolean isReserved(String name) {
    return RESERVED.contains(name.toLowerCase(Locale.ROOT));
  }

  private static final byte[] ACCEPT_GUID_BYTES =
      WebSocketProtocol.ACCEPT_GUID.getBytes(StandardCharsets.US_ASCII);

  /** Bytes of a SHA-1 digest. */
  private static final int SHA1_BYTES = 20;

  /**
   * One digest and its output array per thread, reset by each {@code digest} call: looking SHA-1
   * up among the security providers for every handshake costs more garbage than the hash itself.
   */
  private static final ThreadLocal<Sha1> SHA1 = ThreadLocal.withInitial(Sha1::new);

  private static final class Sha1 {
    final MessageDigest digest;
    final byte[] output = new byte[SHA1_BYTES];

    Sha1() {
      try {
        digest = MessageDigest.getInstance("SHA-1");
      } catch (NoSuchAlgorithmException e) {
        // Every Java platform must provide SHA-1 (MessageDigest's Javadoc).
        throw new AssertionError("SHA-1 is missing from this JDK.", e);
      }
    }
  }

  /**
   * The {@code Sec-WebSocket-Accept} value for a {@code Sec-WebSocket-Key}: base64 of the SHA-1 of
   * the key followed by {@link WebSocketProtocol#ACCEPT_GUID} (§4.2.2). The key is used as sent,
   * without decoding it.
   */
  public static String acceptKey(String key) {
    return new String(acceptKeyBytes(key), StandardCharsets.US_ASCII);
  }

  /** {@link #acceptKey} as ASCII bytes, which a server writes straight into its response. */
  static byte[] acceptKeyBytes(String key) {
    Sha1 sha1 = SHA1.get();
    for (int i = 0; i < key.length(); i++) {
      char c = key.charAt(i);
      sha1.digest.update(c < 0x80 ? (byte) c : (byte) '?'); // as String.getBytes(US_ASCII)
    }
    sha1.digest.update(ACCEPT_GUID_BYTES);
    try {
      sha1.digest.digest(sha1.output, 0, SHA1_BYTES);
    } catch (DigestException e) {
      throw new AssertionError("A SHA-1 digest does not fit " + SHA1_BYTES + " bytes.", e);
    }
    return Base64.getEncoder().encode(sha1.output);
  }
}
