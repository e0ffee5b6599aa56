package io.asyncws.generator.link;

import java.util.HashSet;
import java.util.Locale;
import java.util.Set;

/**
 * Stable names derived from a place in the document: {@code user/signedup} + {@code payload} →
 * {@code UserSignedupPayload}. Names only need to be stable and readable; the code generator
 * makes them legal Java.
 */
final class Names {
  private final Set<String> taken = new HashSet<>();

  /** {@code text} in PascalCase: words split at anything not a letter or digit, case kept inside. */
  static String pascal(String text) {
    StringBuilder out = new StringBuilder();
    boolean upper = true;
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (!Character.isLetterOrDigit(c)) {
        upper = true;
        continue;
      }
      out.append(upper ? Character.toUpperCase(c) : c);
      upper = false;
    }
    if (out.length() == 0) return "Unnamed";
    if (Character.isDigit(out.charAt(0))) out.insert(0, '_');
    return out.toString();
  }

  /** {@code text} in camelCase. */
  static String camel(String text) {
    String p = pascal(text);
    return p.substring(0, 1).toLowerCase(Locale.ROOT) + p.substring(1);
  }

  /** {@code wanted}, or {@code wanted2}, {@code wanted3}, ... whichever is free first; then taken. */
  String claim(String wanted) {
    String name = wanted;
    for (int n = 2; !taken.add(name); n++) name = wanted + n;
    return name;
  }

  /** Whether the name is taken. */
  boolean isTaken(String name) {
    return taken.contains(name);
  }
}
