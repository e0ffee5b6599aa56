package io.asyncws.generator.link;

import io.asyncws.generator.tree.MappingNode;
import io.asyncws.generator.tree.Node;
import io.asyncws.generator.tree.SequenceNode;
import java.util.Optional;

/**
 * A resolver for single-file test documents: follows {@code #/...} pointers in one tree, so the
 * linker can be tested apart from the real resolver.
 */
final class LocalRefs implements RefResolver {
  private final Node root;

  LocalRefs(Node root) {
    this.root = root;
  }

  @Override
  public boolean isRef(Node node) {
    return LinkContext.refText(node) != null;
  }

  @Override
  public Optional<Node> deref(Node node) {
    Node current = node;
    for (int hops = 0; hops < 32 && isRef(current); hops++) {
      String ref = LinkContext.refText(current);
      if (!ref.startsWith("#")) return Optional.empty();
      current = root;
      for (String segment : ref.substring(1).split("/")) {
        if (segment.isEmpty()) continue;
        String key = Pointers.unescape(segment);
        if (current instanceof MappingNode m && m.entries().containsKey(key)) {
          current = m.entries().get(key).value();
        } else if (current instanceof SequenceNode s && key.matches("\\d+") && Integer.parseInt(key) < s.items().size()) {
          current = s.items().get(Integer.parseInt(key));
        } else {
          return Optional.empty();
        }
      }
    }
    return isRef(current) ? Optional.empty() : Optional.of(current);
  }
}
