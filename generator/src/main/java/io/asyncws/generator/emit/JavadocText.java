package io.asyncws.generator.emit;

import io.asyncws.generator.tree.SourceLocation;

/**
 * Makes document text safe inside a Javadoc comment. A description is user text: {@code *}{@code /}
 * would end the comment, {@code @} at a line start would begin a block tag, {@code <} would be read
 * as HTML, and a backslash-u sequence would be decoded by the compiler before it sees the comment.
 */
public final class JavadocText {
  private JavadocText() {}

  /**
   * {@code text} escaped for Javadoc: HTML entities for markup characters, {@code @} as an entity.
   */
  public static String sanitize(String text) {
    StringBuilder out = new StringBuilder(text.length() + 16);
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      switch (c) {
        case '<' -> out.append("&lt;");
        case '>' -> out.append("&gt;");
        case '&' -> out.append("&amp;");
        case '@' -> out.append("&#64;");
        case '\\' -> out.append("&#92;");
          // "*/" is the only way to end the comment; breaking it at the slash is enough.
        case '/' -> out.append(i > 0 && text.charAt(i - 1) == '*' ? "&#47;" : "/");
        case '\r' -> {}
        default -> out.append(c);
      }
    }
    return out.toString().strip();
  }

  /** Where a generated element came from: the document's file name, line and column. */
  public static String location(SourceLocation location) {
    if (location == null) return "";
    String file =
        location.file() == null || location.file().getFileName() == null
            ? ""
            : location.file().getFileName().toString();
    return file + ":" + location.line() + ":" + location.column();
  }
}
