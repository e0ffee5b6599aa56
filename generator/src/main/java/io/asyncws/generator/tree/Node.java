package io.asyncws.generator.tree;

/**
 * A node of the positioned document tree: what the file says, with where it says it. The loader
 * makes these from YAML or JSON; nothing after the linker sees them.
 */
public sealed interface Node permits MappingNode, SequenceNode, ScalarNode {
  /** Where the node starts in its document. */
  SourceLocation location();

  /** A short word for the node's kind, for messages: "object", "array", "string", ... */
  String kindName();
}
