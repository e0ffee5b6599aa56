package io.asyncws.generator.model;

import io.asyncws.generator.tree.SourceLocation;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * One JSON Schema (the AsyncAPI dialect, plus {@code nullable} as real documents use it), typed.
 * Sub-schemas are {@link SchemaRef}s into the same {@link SchemaGraph}.
 *
 * <p>Values written in the schema ({@code enum}, {@code examples}, {@link Literal}) are plain
 * Java values: {@link String}, {@link Boolean}, {@link Long}, {@link java.math.BigInteger}, {@link
 * Double}, {@link java.math.BigDecimal}, unmodifiable {@code Map<String, Object>} (document order)
 * and {@code List<Object>}, or null.
 *
 * @param name the stable name: the component name when the schema is one
 *     ({@code components/schemas/User} → {@code User}), otherwise derived from its place
 *     ({@code UserSignedUpPayload}, {@code LightMeasuredPayloadLumens}); unique in the graph
 * @param componentName the key under {@code components/schemas}, or null for an inline schema
 * @param types the declared types, empty when {@code type} is absent (any type); {@code null}
 *     is in this set for {@code type: [x, 'null']}
 * @param nullable whether null is allowed: {@code nullable: true} or {@code 'null'} among the types
 * @param title or null
 * @param description or null
 * @param format e.g. {@code date-time}, {@code int64}, or null
 * @param properties the properties in document order
 * @param required the required property names in document order
 * @param additionalPropertiesAllowed false for {@code additionalProperties: false}
 * @param additionalProperties the schema of additional properties, or null (then any value when
 *     allowed)
 * @param items the schema of array items, or null
 * @param enumValues allowed values, empty when not restricted
 * @param constValue the {@code const} value, or null when there is none
 * @param defaultValue the {@code default} value, or null when there is none
 * @param examples examples in document order
 * @param oneOf the {@code oneOf} alternatives
 * @param anyOf the {@code anyOf} alternatives
 * @param allOf the {@code allOf} parts
 * @param not the {@code not} schema, or null
 * @param discriminator the discriminator property name, or null
 * @param constraints numeric, length and count limits
 * @param deprecated whether the schema is marked deprecated
 * @param foreignFormat the {@code schemaFormat} of a non-JSON-Schema payload (Avro, ...) whose
 *     structure is not modelled, or null for JSON Schema
 * @param location where the schema stands
 */
public record SchemaModel(
    String name,
    String componentName,
    Set<JsonType> types,
    boolean nullable,
    String title,
    String description,
    String format,
    Map<String, SchemaRef> properties,
    List<String> required,
    boolean additionalPropertiesAllowed,
    SchemaRef additionalProperties,
    SchemaRef items,
    List<Object> enumValues,
    Literal constValue,
    Literal defaultValue,
    List<Object> examples,
    List<SchemaRef> oneOf,
    List<SchemaRef> anyOf,
    List<SchemaRef> allOf,
    SchemaRef not,
    String discriminator,
    Constraints constraints,
    boolean deprecated,
    String foreignFormat,
    SourceLocation location) {

  public SchemaModel {
    // An EnumSet keeps the declaration order, so output built from the types is deterministic.
    types = types.isEmpty() ? Set.of() : Collections.unmodifiableSet(java.util.EnumSet.copyOf(types));
    properties = Collections.unmodifiableMap(new LinkedHashMap<>(properties));
    required = List.copyOf(required);
    enumValues = Collections.unmodifiableList(new java.util.ArrayList<>(enumValues));
    examples = Collections.unmodifiableList(new java.util.ArrayList<>(examples));
    oneOf = List.copyOf(oneOf);
    anyOf = List.copyOf(anyOf);
    allOf = List.copyOf(allOf);
  }

  /** Whether {@code type} names exactly one non-null type and it is {@code t}. */
  public boolean isType(JsonType t) {
    return types.contains(t) && types.stream().filter(x -> x != JsonType.NULL).count() == 1;
  }

  /** Whether the property is listed in {@code required}. */
  public boolean isRequired(String property) {
    return required.contains(property);
  }

  /**
   * Limits from the schema, null where not given.
   *
   * @param minimum inclusive minimum
   * @param maximum inclusive maximum
   * @param exclusiveMinimum exclusive minimum
   * @param exclusiveMaximum exclusive maximum
   * @param multipleOf the value must be a multiple of this
   * @param minLength minimum string length
   * @param maxLength maximum string length
   * @param pattern a regular expression strings must match
   * @param minItems minimum array length
   * @param maxItems maximum array length
   * @param uniqueItems whether array items must be distinct
   * @param minProperties minimum object size
   * @param maxProperties maximum object size
   */
  public record Constraints(
      Number minimum,
      Number maximum,
      Number exclusiveMinimum,
      Number exclusiveMaximum,
      Number multipleOf,
      Long minLength,
      Long maxLength,
      String pattern,
      Long minItems,
      Long maxItems,
      boolean uniqueItems,
      Long minProperties,
      Long maxProperties) {

    /** No limits at all. */
    public static final Constraints NONE =
        new Constraints(null, null, null, null, null, null, null, null, null, null, false, null, null);
  }
}
