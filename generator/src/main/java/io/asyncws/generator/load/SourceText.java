package io.asyncws.generator.load;

import io.asyncws.generator.tree.SourceLocation;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Locale;

/**
 * Turns the bytes of a document into text, strictly: a document that is not UTF-8, or that holds
 * characters YAML forbids (NUL and other controls: a binary file), fails at the line and column of
 * the first bad byte instead of being read as mojibake.
 */
final class SourceText {

  private static final byte[] UTF8_BOM = {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF};

  private SourceText() {}

  /**
   * The text of {@code bytes}, without a UTF-8 byte-order mark.
   *
   * @throws LoadFailure if the bytes are not UTF-8 or hold characters YAML does not allow
   */
  static String decode(Path file, byte[] bytes) {
    rejectUtf16And32(file, bytes);
    int start = startsWith(bytes, UTF8_BOM) ? UTF8_BOM.length : 0;
    CharsetDecoder decoder =
        StandardCharsets.UTF_8
            .newDecoder()
            .onMalformedInput(CodingErrorAction.REPORT)
            .onUnmappableCharacter(CodingErrorAction.REPORT);
    ByteBuffer in = ByteBuffer.wrap(bytes, start, bytes.length - start);
    CharBuffer out = CharBuffer.allocate(bytes.length - start);
    CoderResult result = decoder.decode(in, out, true);
    if (result.isError()) {
      int bad = in.position();
      throw new LoadFailure(
          locate(file, bytes, start, bad),
          String.format(
              Locale.ROOT,
              "The file is not valid UTF-8: byte 0x%02X here does not belong to a UTF-8 character.",
              bytes[bad] & 0xFF),
          "save the file as UTF-8");
    }
    decoder.flush(out);
    out.flip();
    String text = out.toString();
    rejectForbiddenCharacters(file, text);
    return text;
  }

  /**
   * Reports the first character outside YAML's printable set. snakeyaml would reject it too, but
   * only with an offset; here it gets a line and a column.
   */
  private static void rejectForbiddenCharacters(Path file, String text) {
    int line = 1;
    int column = 1;
    for (int i = 0; i < text.length(); ) {
      int c = text.codePointAt(i);
      if (!isPrintable(c)) {
        throw new LoadFailure(
            new SourceLocation(file, line, column),
            String.format(
                Locale.ROOT,
                "The file contains the character U+%04X, which YAML and JSON do not allow in a"
                    + " document.",
                c),
            "is this a binary file? Write the character as an escape in a double-quoted string");
      }
      if (c == '\n') {
        line++;
        column = 1;
      } else {
        column++;
      }
      i += Character.charCount(c);
    }
  }

  /** YAML 1.2's c-printable set, the same that snakeyaml enforces. */
  private static boolean isPrintable(int c) {
    return c == 0x9
        || c == 0xA
        || c == 0xD
        || (c >= 0x20 && c <= 0x7E)
        || c == 0x85
        || (c >= 0xA0 && c <= 0xD7FF)
        || (c >= 0xE000 && c <= 0xFFFD)
        || (c >= 0x10000 && c <= 0x10FFFF);
  }

  private static void rejectUtf16And32(Path file, byte[] bytes) {
    boolean bigEndian = bytes.length >= 2 && (bytes[0] & 0xFF) == 0xFE && (bytes[1] & 0xFF) == 0xFF;
    boolean littleEndian =
        bytes.length >= 2 && (bytes[0] & 0xFF) == 0xFF && (bytes[1] & 0xFF) == 0xFE;
    if (bigEndian || littleEndian) {
      throw new LoadFailure(
          new SourceLocation(file, 1, 1),
          "The file starts with a UTF-16 or UTF-32 byte-order mark; documents are read as UTF-8"
              + " only.",
          "save the file as UTF-8");
    }
  }

  /** The line and column of byte {@code bad}, counting columns in characters as editors do. */
  private static SourceLocation locate(Path file, byte[] bytes, int start, int bad) {
    int line = 1;
    int lineStart = start;
    for (int i = start; i < bad; i++) {
      if (bytes[i] == '\n') {
        line++;
        lineStart = i + 1;
      }
    }
    // Everything before the bad byte is valid UTF-8, so each character has exactly one byte that
    // is not a continuation byte (10xxxxxx).
    int column = 1;
    for (int i = lineStart; i < bad; i++) {
      if ((bytes[i] & 0xC0) != 0x80) column++;
    }
    return new SourceLocation(file, line, column);
  }

  private static boolean startsWith(byte[] bytes, byte[] prefix) {
    if (bytes.length < prefix.length) return false;
    for (int i = 0; i < prefix.length; i++) {
      if (bytes[i] != prefix[i]) return false;
    }
    return true;
  }
}
