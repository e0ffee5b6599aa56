package io.asyncws.runtime.handshake;

/** Character classes of HTTP/1.1 (RFC 9110 §5.6) shared by the parsers and writers here. */
final class Http {
  private Http() {}

  /**
   * Whether {@code c} is a {@code tchar}: any visible ASCII but the delimiters {@code
   * "(),/:;<=>?@[\]{}}.
   */
  static boolean isTokenChar(int c) {
    if (c <= 0x20 || c >= 0x7F) return false;
    return "\"(),/:;<=>?@[\\]{}".indexOf(c) < 0;
  }

  /** Whether {@code s} is a non-empty {@code token}. */
  static boolean isToken(String s) {
    if (s.isEmpty()) return false;
    for (int i = 0; i < s.length(); i++) {
      if (!isTokenChar(s.charAt(i))) return false;
    }
    return true;
  }

  /**
   * Whether {@code c} may appear in a field value: visible ASCII, SP, HTAB and {@code obs-text}
   * (0x80-0xFF). Everything else, CR and LF above all, would corrupt the message framing.
   */
  static boolean isFieldValueChar(int c) {
    return c == '\t' || (c >= 0x20 && c != 0x7F && c <= 0xFF);
  }

  /** Whether {@code c} is optional whitespace (SP or HTAB). */
  static boolean isOws(int c) {
    return c == ' ' || c == '\t';
  }

  /**
   * {@code s} without leading and trailing SP and HTAB; unlike {@link String#trim()} keeps other
   * controls.
   */
  static String trimOws(String s) {
    int start = 0;
    int end = s.length();
    while (start < end && isOws(s.charAt(start))) start++;
    while (end > start && isOws(s.charAt(end - 1))) end--;
    return s.substring(start, end);
  }

  /**
   * The usual reason phrase of {@code status}; the phrase carries no meaning on the wire (RFC 9112
   * §4).
   */
  static String reasonPhrase(int status) {
    return switch (status) {
      case 101 -> "Switching Protocols";
      case 200 -> "OK";
      case 301 -> "Moved Permanently";
      case 302 -> "Found";
      case 303 -> "See Other";
      case 307 -> "Temporary Redirect";
      case 308 -> "Permanent Redirect";
      case 400 -> "Bad Request";
      case 401 -> "Unauthorized";
      case 403 -> "Forbidden";
      case 404 -> "Not Found";
      case 405 -> "Method Not Allowed";
      case 408 -> "Request Timeout";
      case 409 -> "Conflict";
      case 410 -> "Gone";
      case 426 -> "Upgrade Required";
      case 429 -> "Too Many Requests";
      case 431 -> "Request Header Fields Too Large";
      case 500 -> "Internal Server Error";
      case 501 -> "Not Implemented";
      case 502 -> "Bad Gateway";
      case 503 -> "Service Unavailable";
      case 505 -> "HTTP Version Not Supported";
      default -> status >= 500 ? "Server Error" : status >= 400 ? "Client Error" : "Redirection";
    };
  }
}
