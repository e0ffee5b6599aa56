package io.asyncws.generator.resolve;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * JSON pointers (RFC 6901) as they appear in a {@code $ref}'s fragment: percent-decoded first (the
 * fragment is part of a URI, so {@code %7B} is '{'), then split at '/', then {@code ~1} becomes '/'
 * and {@code ~0} becomes '~', in that order.
 */
final class JsonPointer {

  private static final Pattern BAD_TILDE = Pattern.compile("~(?![01])");

  private JsonPointer() {}

  /** A fragment read as a pointer, or why it is not one. */
  record Parsed(List<String> tokens, String problem) {}

  /**
   * The tokens of a {@code $ref} fragment (the part after '#'); an empty fragment is the whole
   * document.
   */
  static Parsed parseFragment(String fragment) {
    Optional<String> decoded = percentDecode(fragment);
    if (decoded.isEmpty()) {
      return new Parsed(null, "its fragment '#" + fragment + "' has a broken percent escape");
    }
    String pointer = decoded.get();
    if (pointer.isEmpty()) return new Parsed(List.of(), null);
    if (pointer.charAt(0) != '/') {
      return new Parsed(
          null,
          "its fragment '#" + fragment + "' is not a JSON pointer, which starts with '/'");
    }
    if (BAD_TILDE.matcher(pointer).find()) {
      return new Parsed(
          null, "its fragment '#" + fragment + "' has a '~' that is not part of '~0' or '~1'");
    }
    return new Parsed(tokens(pointer), null);
  }

  /** The unescaped tokens of a pointer. */
  static List<String> tokens(String pointer) {
    List<String> tokens = new ArrayList<>();
    if (pointer.isEmpty()) return tokens;
    int start = 1;
    while (true) {
      int slash = pointer.indexOf('/', start);
      String raw = slash < 0 ? pointer.substring(start) : pointer.substring(start, slash);
      tokens.add(unescape(raw));
      if (slash < 0) return tokens;
      start = slash + 1;
    }
  }

  /** The canonical pointer text of tokens: each '~' as {@code ~0}, each '/' as {@code ~1}. */
  static String format(List<String> tokens) {
    StringBuilder out = new StringBuilder();
    for (String token : tokens) {
      out.append('/').append(token.replace("~", "~0").replace("/", "~1"));
    }
    return out.toString();
  }

  /** The index a token names in an array: decimal digits, no leading zero; or -1. */
  static int arrayIndex(String token) {
    if (token.isEmpty() || token.length() > 9) return -1;
    if (token.length() > 1 && token.charAt(0) == '0') return -1;
    for (int i = 0; i < token.length(); i++) {
      if (token.charAt(i) < '0' || token.charAt(i) > '9') return -1;
    }
    return Integer.parseInt(token);
  }

  private static String unescape(String raw) {
    // RFC 6901 order: ~1 first, so that "~01" becomes "~1" and not "/".
    return raw.replace("~1", "/").replace("~0", "~");
  }

  /** Decodes %XX escapes as UTF-8; empty if an escape is broken or the bytes are not UTF-8. */
  static Optional<String> percentDecode(String text) {
    if (text.indexOf('%') < 0) return Optional.of(text);
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    byte[] utf8 = text.getBytes(StandardCharsets.UTF_8);
    for (int i = 0; i < utf8.length; i++) {
      if (utf8[i] != '%') {
        bytes.write(utf8[i]);
        continue;
      }
      if (i + 2 >= utf8.length) return Optional.empty();
      int high = Character.digit(utf8[i + 1], 16);
      int low = Character.digit(utf8[i + 2], 16);
      if (high < 0 || low < 0) return Optional.empty();
      bytes.write(high * 16 + low);
      i += 2;
    }
    try {
      return Optional.of(
          StandardCharsets.UTF_8
              .newDecoder()
              .onMalformedInput(CodingErrorAction.REPORT)
              .onUnmappableCharacter(CodingErrorAction.REPORT)
              .decode(ByteBuffer.wrap(bytes.toByteArray()))
              .toString());
    } catch (CharacterCodingException e) {
      return Optional.empty();
    }
  }
}
