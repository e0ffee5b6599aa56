package io.asyncws.generator.emit.model;

import io.asyncws.generator.model.SchemaModel;
import io.asyncws.generator.model.SchemaRef;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;

/**
 * The properties a record gets: a schema's own, merged with those of every {@code allOf} part
 * (parts of parts included). A property declared twice keeps its first declaration unless a later
 * one pins it with {@code const}, which is the more specific of the two.
 *
 * @param properties every property in declaration order, parts after the schema's own
 * @param required the property names any part requires
 * @param additionalAllowed false when the schema or any part says {@code additionalProperties:
 *     false}
 * @param additionalProperties the schema of additional properties (the first part that gives one),
 *     or null when they are not described
 */
record ObjectShape(
    Map<String, SchemaRef> properties,
    Set<String> required,
    boolean additionalAllowed,
    SchemaRef additionalProperties) {

  static ObjectShape of(SchemaModel schema) {
    Map<String, SchemaRef> properties = new LinkedHashMap<>();
    Set<String> required = new LinkedHashSet<>();
    boolean[] additional = {true};
    SchemaRef[] additionalSchema = {null};
    collect(schema, properties, required, additional, additionalSchema, new HashSet<>());
    return new ObjectShape(
        properties, required, additional[0], additional[0] ? additionalSchema[0] : null);
  }

  private static void collect(
      SchemaModel schema,
      Map<String, SchemaRef> properties,
      Set<String> required,
      boolean[] additional,
      SchemaRef[] additionalSchema,
      Set<String> seen) {
    if (!seen.add(schema.name())) return; // allOf cycles merge each schema once
    schema
        .properties()
        .forEach(
            (name, ref) -> {
              SchemaRef known = properties.get(name);
              if (known == null
                  || (known.get().constValue() == null && ref.get().constValue() != null)) {
                properties.put(name, ref);
              }
            });
    required.addAll(schema.required());
    if (!schema.additionalPropertiesAllowed()) additional[0] = false;
    if (additionalSchema[0] == null) additionalSchema[0] = schema.additionalProperties();
    for (SchemaRef part : schema.allOf()) {
      collect(part.get(), properties, required, additional, additionalSchema, seen);
    }
  }

  /** Whether the JSON property is required. */
  boolean isRequired(String property) {
    return required.contains(property);
  }
}
