package io.asyncws.generator.model;

import io.asyncws.generator.tree.SourceLocation;
import java.util.List;

/**
 * A {@code {parameter}} of a channel address.
 *
 * <p>3.x parameters carry {@code enum}/{@code default} themselves and are always strings; 2.x
 * parameters carry a schema. Both are filled in either way: a 2.x schema's {@code enum} and
 * {@code default} are copied up, and a 3.x parameter has no schema.
 *
 * @param name the parameter's name
 * @param schema the 2.x parameter schema, or null
 * @param enumValues allowed values, empty when any is allowed
 * @param defaultValue or null
 * @param description or null
 * @param examples example values
 * @param runtimeLocation where the value comes from in a message ({@code $message.payload#/id}), or null
 * @param location where the parameter stands
 */
public record Parameter(
    String name,
    SchemaRef schema,
    List<String> enumValues,
    String defaultValue,
    String description,
    List<String> examples,
    String runtimeLocation,
    SourceLocation location) {

  public Parameter {
    enumValues = List.copyOf(enumValues);
    examples = List.copyOf(examples);
  }
}
