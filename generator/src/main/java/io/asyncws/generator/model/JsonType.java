package io.asyncws.generator.model;

/** The JSON Schema primitive types. */
public enum JsonType {
  STRING,
  NUMBER,
  INTEGER,
  BOOLEAN,
  OBJECT,
  ARRAY,
  NULL;

  /** The type spelt {@code text} in a schema ({@code "string"}, ...), or null when none is. */
  public static JsonType bySpelling(String text) {
    for (JsonType t : values()) if (t.name().toLowerCase(java.util.Locale.ROOT).equals(text)) return t;
    return null;
  }
}
