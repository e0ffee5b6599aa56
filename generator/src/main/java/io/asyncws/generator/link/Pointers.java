package io.asyncws.generator.link;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;

/** JSON pointer segments as written in {@code $ref}s. */
final class Pointers {
  private Pointers() {}

  /** A pointer segment's text: percent escapes decoded, then {@code ~1} → {@code /}, {@code ~0} → {@code ~}. */
  static String unescape(String segment) {
    String decoded;
    try {
      decoded = URLDecoder.decode(segment.replace("+", "%2B"), StandardCharsets.UTF_8);
    } catch (IllegalArgumentException malformed) {
      decoded = segment;
    }
    return decoded.replace("~1", "/").replace("~0", "~");
  }

  /**
   * The component name a reference states: for {@code ...#/components/KIND/Name} → {@code Name};
   * null when {@code node} is not a reference of that form.
   */
  static String componentName(io.asyncws.generator.tree.Node node, String kind) {
    String ref = LinkContext.refText(node);
    if (ref == null) return null;
    int hash = ref.indexOf('#');
    if (hash < 0) return null;
    String[] parts = ref.substring(hash + 1).split("/", -1);
    if (parts.length == 4 && parts[1].equals("components") && parts[2].equals(kind)) {
      return unescape(parts[3]);
    }
    return null;
  }
}
