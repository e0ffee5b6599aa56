package io.asyncws.generator.validate.structure;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * One compiled JSON Schema (draft-07) of the official AsyncAPI specification schemas: the keywords
 * the evaluator understands, already parsed, so that a document is checked without re-reading JSON.
 * Annotation keywords (title, description, default, examples, format) are dropped: they never fail.
 *
 * <p>Built once per specification version by {@link SchemaCompiler} and then only read, so one
 * instance may be shared by concurrent validations.
 */
final class Schema {
  /** JSON pointer of this schema inside its specification file, e.g. {@code #/definitions/channel}. */
  final String pointer;
  /** The name under {@code #/definitions/}, or null when the schema is not a top-level definition. */
  final String definitionName;

  /** {@code true}/{@code false} schemas: null for an object schema. */
  Boolean constant;

  /** Target of {@code $ref}; draft-07 ignores every sibling of {@code $ref}. */
  String refPointer;
  Schema ref;

  List<String> types;
  List<Object> enumValues;
  boolean hasConst;
  Object constValue;

  BigDecimal minimum;
  BigDecimal maximum;
  BigDecimal exclusiveMinimum;
  BigDecimal exclusiveMaximum;
  BigDecimal multipleOf;
  Integer minLength;
  Integer maxLength;
  /** Null when the pattern is not valid Java regex syntax: such a pattern is not checked. */
  Pattern pattern;
  String patternSource;

  Map<String, Schema> properties;
  Map<Pattern, Schema> patternProperties;
  Schema additionalProperties;
  List<String> required;
  Schema propertyNames;
  Map<String, List<String>> dependentRequired;
  Map<String, Schema> dependentSchemas;
  Integer minProperties;
  Integer maxProperties;

  Schema items;
  List<Schema> tupleItems;
  Schema additionalItems;
  Schema contains;
  Integer minItems;
  Integer maxItems;
  boolean uniqueItems;

  List<Schema> allOf;
  List<Schema> anyOf;
  List<Schema> oneOf;
  Schema not;
  Schema ifSchema;
  Schema thenSchema;
  Schema elseSchema;

  Schema(String pointer, String definitionName) {
    this.pointer = pointer;
    this.definitionName = definitionName;
  }

  /** This schema with {@code $ref} chains followed: the schema that actually applies. */
  Schema resolved() {
    Schema s = this;
    // Chains in the official files are one or two links long; the bound guards a malformed file.
    for (int i = 0; i < 16 && s.ref != null; i++) {
      s = s.ref;
    }
    return s;
  }

  /** Whether this is (a reference to) the specification's Reference Object ({@code {$ref}}). */
  boolean isReferenceObject() {
    Schema s = resolved();
    if (s.required == null || !s.required.equals(List.of("$ref"))) return false;
    boolean declaresRef = s.properties != null && s.properties.keySet().equals(java.util.Set.of("$ref"));
    // The OpenAPI 3.0 schema in the 3.x files spells its Reference with patternProperties.
    boolean matchesRef = s.patternProperties != null && s.patternProperties.size() == 1
        && s.patternProperties.keySet().iterator().next().matcher("$ref").find();
    return declaresRef || matchesRef;
  }

  @Override
  public String toString() {
    return pointer;
  }
}
