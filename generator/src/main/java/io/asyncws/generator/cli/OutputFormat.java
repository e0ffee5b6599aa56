package io.asyncws.generator.cli;

/** How commands print diagnostics. */
enum OutputFormat {
  /** {@code FILE:LINE:COL: error: message} lines and a summary: what editors and CI annotate. */
  text,
  /** One JSON object for tools. */
  json
}
