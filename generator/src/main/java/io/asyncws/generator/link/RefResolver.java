package io.asyncws.generator.link;

import io.asyncws.generator.tree.Node;
import java.util.Optional;

/**
 * What the linker needs from {@code $ref} resolution: the resolver has already read every file and
 * reported every dangling reference, so the linker only asks where a reference leads.
 */
public interface RefResolver {

  /** Whether {@code node} is a Reference Object ({@code {$ref: ...}}). */
  boolean isRef(Node node);

  /**
   * The node a reference finally leads to, following chains of references; the same target node
   * object for every reference to the same place (the linker memoizes by identity). Empty when
   * the reference dangles (the resolver has reported it).
   */
  Optional<Node> deref(Node node);
}
