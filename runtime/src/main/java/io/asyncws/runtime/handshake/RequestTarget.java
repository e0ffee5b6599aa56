package io.asyncws.runtime.handshake;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The path and query of a request target, split and percent-decoded.
 *
 * <p>Splitting is done by hand rather than with {@link java.net.URI}: browsers send characters such
 * as {@code |} and {@code {}} unescaped in queries, which {@code URI} rejects.
 *
 * @param rawPath the path, still percent-encoded; "/" at least
 * @param path the path decoded as UTF-8; {@code +} stays a plus
 * @param rawQuery the query after {@code ?}, still encoded; empty when there is none
 * @param queryParameters the query decoded as {@code application/x-www-form-urlencoded}
 */
record RequestTarget(
    String rawPath, String path, String rawQuery, Map<String, List<String>> queryParameters) {

  /**
   * Splits the origin form {@code /path?query} (RFC 9112 §3.2.1), or the absolute form {@code
   * ws://host/path?query} that servers must also accept (§3.2.2).
   */
  static RequestTarget parse(String target) throws HandshakeException {
    String rest = target;
    if (!rest.startsWith("/")) {
      int schemeEnd = rest.indexOf("://");
      if (schemeEnd <= 0 || !isScheme(rest.substring(0, schemeEnd))) {
        throw new HandshakeException(
            400, "The request target \"" + target + "\" is neither a path nor an absolute URI.");
      }
      int authorityEnd = schemeEnd + 3;
      while (authorityEnd < rest.length() && "/?".indexOf(rest.charAt(authorityEnd)) < 0) {
        authorityEnd++;
      }
      rest = rest.substring(authorityEnd);
      if (!rest.startsWith("/")) rest = "/" + rest;
    }
    if (rest.indexOf('#') >= 0) {
      throw new HandshakeException(400, "The request target holds a fragment ('#').");
    }
    int question = rest.indexOf('?');
    String rawPath = question < 0 ? rest : rest.substring(0, question);
    String rawQuery = question < 0 ? "" : rest.substring(question + 1);
    return new RequestTarget(rawPath, decode(rawPath, false), rawQuery, parseQuery(rawQuery));
  }

  private static boolean isScheme(String s) {
    if (!Character.isLetter(s.charAt(0))) return false;
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      boolean ok =
          (c >= 'a' && c <= 'z')
              || (c >= 'A' && c <= 'Z')
              || (c >= '0' && c <= '9')
              || "+-.".indexOf(c) >= 0;
      if (!ok) return false;
    }
    return true;
  }

  private static Map<String, List<String>> parseQuery(String rawQuery) throws HandshakeException {
    if (rawQuery.isEmpty()) return Map.of(); // most handshakes: no map, no split
    Map<String, List<String>> params = new LinkedHashMap<>();
    for (String pair : rawQuery.split("&", -1)) {
      if (pair.isEmpty()) continue;
      int eq = pair.indexOf('=');
      String name = decode(eq < 0 ? pair : pair.substring(0, eq), true);
      String value = eq < 0 ? "" : decode(pair.substring(eq + 1), true);
      params.computeIfAbsent(name, k -> new ArrayList<>()).add(value);
    }
    params.replaceAll((k, v) -> List.copyOf(v));
    return Collections.unmodifiableMap(params);
  }

  /** Percent-decodes {@code s} as UTF-8; a broken escape or invalid UTF-8 is a 400. */
  static String decode(String s, boolean plusIsSpace) throws HandshakeException {
    if (s.indexOf('%') < 0 && !(plusIsSpace && s.indexOf('+') >= 0)) return s;
    ByteArrayOutputStream bytes = new ByteArrayOutputStream(s.length());
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (c == '%') {
        int hi = i + 2 < s.length() ? Character.digit(s.charAt(i + 1), 16) : -1;
        int lo = hi < 0 ? -1 : Character.digit(s.charAt(i + 2), 16);
        if (lo < 0) {
          throw new HandshakeException(
              400, "The request target has a broken percent-escape: \"" + s + "\".");
        }
        bytes.write(hi << 4 | lo);
        i += 2;
      } else {
        bytes.write(plusIsSpace && c == '+' ? ' ' : c);
      }
    }
    try {
      return StandardCharsets.UTF_8
          .newDecoder()
          .onMalformedInput(CodingErrorAction.REPORT)
          .onUnmappableCharacter(CodingErrorAction.REPORT)
          .decode(ByteBuffer.wrap(bytes.toByteArray()))
          .toString();
    } catch (CharacterCodingException e) {
      throw new HandshakeException(
          400, "The request target decodes to invalid UTF-8: \"" + s + "\".");
    }
  }
}
