package io.asyncws.generator.tree;

/**
 * A scalar: string, number, boolean or null, with its value already typed the way JSON types it.
 *
 * @param location where the scalar starts
 * @param value a {@link String}, {@link Long}, {@link java.math.BigInteger}, {@link Double},
 *     {@link java.math.BigDecimal}, {@link Boolean}, or {@code null} for YAML/JSON null
 */
public record ScalarNode(SourceLocation location, Object value) implements Node {

  /** Whether the value is a string. */
  public boolean isString() {
    return value instanceof String;
  }

  /** Whether the value is null. */
  public boolean isNull() {
    return value == null;
  }

  /** The value as text, as a message would quote it. */
  public String text() {
    return String.valueOf(value);
  }

  @Override
  public String kindName() {
    if (value == null) return "null";
    if (value instanceof String) return "string";
    if (value instanceof Boolean) return "boolean";
    if (value instanceof Long || value instanceof java.math.BigInteger) return "integer";
    return "number";
  }
}
