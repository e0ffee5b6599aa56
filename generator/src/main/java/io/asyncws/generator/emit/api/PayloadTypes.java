package io.asyncws.generator.emit.api;

import com.palantir.javapoet.TypeName;
import io.asyncws.generator.model.SchemaRef;

/**
 * The Java type of a payload schema, as the payload model emitter names it ({@code
 * ModelTypes::typeOf}). The API emitters only need the name: decoding and encoding go through
 * Jackson, so tests may also hand in other mappings.
 */
@FunctionalInterface
public interface PayloadTypes {
  /** The type generated for {@code schema}; primitives are boxed by the caller. */
  TypeName typeOf(SchemaRef schema);

  /**
   * Whether {@code schema} is generated as a record whose required components Jackson checks
   * ({@code @JsonProperty(required = true)}), so binding text to it straight away checks what
   * recognition would. False unless the mapping knows: every message then takes the full path.
   */
  default boolean isRecord(SchemaRef schema) {
    return false;
  }
}
