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

  /**
   * The name a reference gives the schema it points at, or null when it names none:
   * {@code #/components/schemas/User} and {@code other.yaml#/components/schemas/User} → User;
   * {@code ...#/$defs/Tag} or {@code ...#/definitions/Tag} → Tag; {@code schemas.yaml#/likePayload}
   * (one segment into another file) → likePayload; {@code ./refs-2.yaml} (a whole file) → Refs2.
   * A pointer into the middle of a document ({@code #/channels/a/messages/b/payload}) names
   * nothing: the schema is named after the place it is used instead.
   */
  static String schemaName(io.asyncws.generator.tree.Node node) {
    String component = componentName(node, "schemas");
    if (component != null) return component;
    String ref = LinkContext.refText(node);
    if (ref == null) return null;
    int hash = ref.indexOf('#');
    String file = hash < 0 ? ref : ref.substring(0, hash);
    String pointer = hash < 0 ? "" : ref.substring(hash + 1);
    String[] parts = pointer.split("/", -1);
    if (parts.length >= 3 && (parts[parts.length - 2].equals("$defs") || parts[parts.length - 2].equals("definitions"))) {
      return unescape(parts[parts.length - 1]);
    }
    if (file.isEmpty()) return null;
    if (parts.length == 2 && !parts[1].isEmpty()) return unescape(parts[1]);
    if (pointer.isEmpty()) {
      String base = file.substring(file.lastIndexOf('/') + 1);
      int dot = base.indexOf('.');
      return Names.pascal(dot > 0 ? base.substring(0, dot) : base);
    }
    return null;
  }
}
