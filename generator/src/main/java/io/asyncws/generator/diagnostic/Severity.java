package io.asyncws.generator.diagnostic;

/** How bad a diagnostic is: errors make a document invalid, warnings do not. */
public enum Severity {
  ERROR,
  WARNING;

  /** The lower-case word used in {@code file:line:col: error: ...} lines. */
  public String label() {
    return name().toLowerCase(java.util.Locale.ROOT);
  }
}
