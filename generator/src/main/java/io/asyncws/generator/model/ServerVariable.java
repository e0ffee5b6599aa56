package io.asyncws.generator.model;

import io.asyncws.generator.tree.SourceLocation;
import java.util.List;

/**
 * A {@code {variable}} of a server's url, host or pathname.
 *
 * @param name the variable's name
 * @param enumValues the allowed values, empty when any value is allowed
 * @param defaultValue or null
 * @param description or null
 * @param examples example values
 * @param location where the variable stands
 */
public record ServerVariable(
    String name,
    List<String> enumValues,
    String defaultValue,
    String description,
    List<String> examples,
    SourceLocation location) {

  public ServerVariable {
    enumValues = List.copyOf(enumValues);
    examples = List.copyOf(examples);
  }
}
