package io.asyncws.generator.link;

import io.asyncws.generator.diagnostic.Diagnostics;
import io.asyncws.generator.tree.MappingNode;
import io.asyncws.generator.tree.Node;
import io.asyncws.generator.tree.ScalarNode;
import io.asyncws.generator.tree.SequenceNode;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The state one linking run shares between its parts, and the tree accessors they all use. The
 * accessors are lenient on purpose: the structure validator has already reported wrong shapes, so
 * the linker takes what fits and skips the rest instead of reporting twice.
 */
final class LinkContext {
  final RefResolver refs;
  final Diagnostics diagnostics;
  final boolean v2;

  LinkContext(RefResolver refs, Diagnostics diagnostics, boolean v2) {
    this.refs = refs;
    this.diagnostics = diagnostics;
    this.v2 = v2;
  }

  /** The node, or the node its reference leads to; null when it dangles. */
  Node resolve(Node node) {
    if (node == null) return null;
    return refs.isRef(node) ? refs.deref(node).orElse(null) : node;
  }

  /** The node resolved as a mapping, or null when it is missing, dangles or is not a mapping. */
  MappingNode object(Node node) {
    return resolve(node) instanceof MappingNode m ? m : null;
  }

  /** The value under {@code key}, references followed, as a mapping, or null. */
  MappingNode object(MappingNode parent, String key) {
    return parent == null ? null : object(parent.get(key).orElse(null));
  }

  /** The raw value under {@code key} (references not followed), or null. */
  static Node raw(MappingNode parent, String key) {
    return parent == null ? null : parent.get(key).orElse(null);
  }

  /** The scalar under {@code key} as text (numbers and booleans as written), or null. */
  static String text(MappingNode parent, String key) {
    Node n = raw(parent, key);
    return n instanceof ScalarNode s && !s.isNull() ? s.text() : null;
  }

  /** The boolean under {@code key}, or false. */
  static boolean flag(MappingNode parent, String key) {
    return raw(parent, key) instanceof ScalarNode s && Boolean.TRUE.equals(s.value());
  }

  /** The items of the sequence under {@code key} (not followed), or an empty list. */
  static List<Node> items(MappingNode parent, String key) {
    return raw(parent, key) instanceof SequenceNode seq ? seq.items() : List.of();
  }

  /** The {@code $ref} text of a Reference Object, or null. */
  static String refText(Node node) {
    return node instanceof MappingNode m ? text(m, "$ref") : null;
  }

  /**
   * A message or operation with its traits merged in, top-level fields only. 2.x merges traits as
   * JSON Merge Patch over the object (the trait wins); 3.x says a trait never overrides the
   * object's own fields. Values keep their positions; the result stands where the object does.
   */
  MappingNode withTraits(MappingNode object) {
    List<Node> traits = items(object, "traits");
    if (traits.isEmpty()) return object;
    Map<String, MappingNode.Entry> merged = new LinkedHashMap<>();
    if (v2) merged.putAll(object.entries());
    for (Node traitNode : traits) {
      MappingNode trait = object(traitNode);
      if (trait != null) merged.putAll(trait.entries());
    }
    if (!v2) merged.putAll(object.entries());
    merged.remove("traits");
    return new MappingNode(object.location(), merged);
  }
}
