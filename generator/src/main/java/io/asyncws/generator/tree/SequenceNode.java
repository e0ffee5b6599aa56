package io.asyncws.generator.tree;

import java.util.List;

/**
 * A YAML sequence or JSON array.
 *
 * @param location where the sequence starts
 * @param items the items in document order
 */
public record SequenceNode(SourceLocation location, List<Node> items) implements Node {
  public SequenceNode {
    items = List.copyOf(items);
  }

  @Override
  public String kindName() {
    return "array";
  }
}
