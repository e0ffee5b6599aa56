package io.asyncws.generator.load;

import org.yaml.snakeyaml.scanner.ScannerImpl;

/**
 * Closes the two gaps between JSON and snakeyaml's YAML 1.1, so that every JSON file reads:
 *
 * <ul>
 *   <li>JSON allows tabs between tokens; snakeyaml rejects a tab wherever a token may start, so a
 *       tab-indented JSON file would fail. {@link #untab} turns those tabs into spaces.
 *   <li>JSON (and YAML 1.2) allow the escape {@code \/}; YAML 1.1 does not. {@link #install} adds
 *       it to snakeyaml's escape table: snakeyaml has no option for it, and the addition only
 *       makes snakeyaml accept what YAML 1.2 defines anyway.
 * </ul>
 */
final class JsonCompatibility {

  static {
    ScannerImpl.ESCAPE_REPLACEMENTS.putIfAbsent('/', "/");
  }

  private JsonCompatibility() {}

  /** Makes sure the escape table has {@code \/}; the work is done once, when the class loads. */
  static void install() {
    // The static initializer above does it; calling this method forces the class to load.
  }

  /**
   * The text with tabs outside quoted strings made spaces, if it is one flow collection (starts
   * with '{' or '['): there a tab outside a string can only be whitespace, and a space means the
   * same. snakeyaml counts a tab as one column too, so no position moves.
   */
  static String untab(String text) {
    if (text.indexOf('\t') < 0 || !startsWithFlowCollection(text)) return text;
    char[] chars = text.toCharArray();
    char quote = 0;
    boolean comment = false;
    for (int i = 0; i < chars.length; i++) {
      char c = chars[i];
      if (comment) {
        comment = c != '\n' && c != '\r';
      } else if (quote != 0) {
        if (c == '\\' && quote == '"') {
          i++; // the escaped character cannot end the string
        } else if (c == quote) {
          quote = 0;
        }
      } else if (c == '"' || c == '\'') {
        quote = c;
      } else if (c == '#' && (i == 0 || Character.isWhitespace(chars[i - 1]))) {
        comment = true;
      } else if (c == '\t') {
        chars[i] = ' ';
      }
    }
    return new String(chars);
  }

  private static boolean startsWithFlowCollection(String text) {
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (c == '{' || c == '[') return true;
      if (c != ' ' && c != '\t' && c != '\n' && c != '\r') return false;
    }
    return false;
  }
}
