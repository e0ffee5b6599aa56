package io.asyncws.generator.link;

import io.asyncws.generator.tree.MappingNode;
import io.asyncws.generator.tree.Node;
import io.asyncws.generator.tree.ScalarNode;
import io.asyncws.generator.tree.SequenceNode;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Turns tree nodes into the plain Java values the model uses for examples, enums and defaults. */
final class Values {
  /** Deeper values are cut off: the loader bounds nesting already, this keeps the stack safe anyway. */
  private static final int MAX_DEPTH = 512;

  private Values() {}

  /** The node as Map/List/scalar; nesting beyond {@link #MAX_DEPTH} becomes null. */
  static Object toJava(Node node) {
    return toJava(node, 0);
  }

  private static Object toJava(Node node, int depth) {
    if (node == null || depth > MAX_DEPTH) return null;
    if (node instanceof ScalarNode s) return s.value();
    if (node instanceof SequenceNode seq) {
      List<Object> out = new ArrayList<>(seq.items().size());
      for (Node item : seq.items()) out.add(toJava(item, depth + 1));
      return Collections.unmodifiableList(out);
    }
    MappingNode map = (MappingNode) node;
    Map<String, Object> out = new LinkedHashMap<>();
    map.entries().forEach((k, e) -> out.put(k, toJava(e.value(), depth + 1)));
    return Collections.unmodifiableMap(out);
  }

  /** The items of a sequence as Java values; a lone scalar counts as a one-item list. */
  static List<Object> list(Node node) {
    if (node == null) return List.of();
    if (node instanceof SequenceNode seq) {
      List<Object> out = new ArrayList<>();
      for (Node item : seq.items()) out.add(toJava(item));
      return out;
    }
    List<Object> one = new ArrayList<>();
    one.add(toJava(node));
    return one;
  }

  /** The items of a sequence as strings (numbers and booleans as written). */
  static List<String> strings(Node node) {
    List<String> out = new ArrayList<>();
    for (Object o : list(node)) if (o != null && !(o instanceof Map) && !(o instanceof List)) out.add(String.valueOf(o));
    return out;
  }
}
