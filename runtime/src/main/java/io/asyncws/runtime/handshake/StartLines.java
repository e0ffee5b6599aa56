package io.asyncws.runtime.handshake;

/**
 * Splits HTTP/1.1 start lines (RFC 9112 §3 and §4) into their parts, checking their syntax only;
 * whether a method or version is acceptable is the handshake's decision.
 */
final class StartLines {
  private static final String GET = "GET";
  private static final String HTTP_11 = "HTTP/1.1";

  private StartLines() {}

  /** {@code method SP request-target SP HTTP-version} into those three strings. */
  static String[] request(String line) throws HandshakeException {
    int first = line.indexOf(' ');
    int second = first < 0 ? -1 : line.indexOf(' ', first + 1);
    if (second < 0 || line.indexOf(' ', second + 1) >= 0) {
      throw bad("The request line is not \"METHOD TARGET HTTP/1.1\" with single spaces.");
    }
    // The method and version of a WebSocket handshake are GET and HTTP/1.1: no copies of them.
    String method = line.startsWith(GET) && first == GET.length() ? GET : line.substring(0, first);
    String target = line.substring(first + 1, second);
    String version =
        line.endsWith(HTTP_11) && line.length() - second - 1 == HTTP_11.length()
            ? HTTP_11
            : line.substring(second + 1);
    if (!Http.isToken(method)) throw bad("The request method is not a token.");
    if (target.isEmpty()) throw bad("The request target is empty.");
    for (int i = 0; i < target.length(); i++) {
      char c = target.charAt(i);
      if (c <= 0x20 || c >= 0x7F) {
        throw bad("The request target holds a byte that is not visible ASCII.");
      }
    }
    checkVersion(version);
    return new String[] {method, target, version};
  }

  /** {@code HTTP-version SP status-code [SP reason-phrase]} into version, status and reason. */
  static String[] response(String line) throws HandshakeException {
    // "HTTP/1.1 101" is 12 characters; some servers omit the space before an empty reason.
    if (line.length() < 12
        || line.charAt(8) != ' '
        || (line.length() > 12 && line.charAt(12) != ' ')) {
      throw bad("The status line is not \"HTTP/1.1 STATUS REASON\": \"" + line + "\".");
    }
    String version = line.substring(0, 8);
    String status = line.substring(9, 12);
    String reason = line.length() > 12 ? line.substring(13) : "";
    checkVersion(version);
    for (int i = 0; i < 3; i++) {
      if (!isDigit(status.charAt(i))) {
        throw bad("The status code is not three digits: \"" + line + "\".");
      }
    }
    for (int i = 0; i < reason.length(); i++) {
      if (!Http.isFieldValueChar(reason.charAt(i))) {
        throw bad("The reason phrase holds a control character.");
      }
    }
    return new String[] {version, status, reason};
  }

  private static void checkVersion(String version) throws HandshakeException {
    boolean ok =
        version.length() == 8
            && version.startsWith("HTTP/")
            && isDigit(version.charAt(5))
            && version.charAt(6) == '.'
            && isDigit(version.charAt(7));
    if (!ok) throw bad("The HTTP version is not \"HTTP/DIGIT.DIGIT\".");
  }

  private static boolean isDigit(char c) {
    return c >= '0' && c <= '9';
  }

  private static HandshakeException bad(String message) {
    return new HandshakeException(400, message);
  }
}
