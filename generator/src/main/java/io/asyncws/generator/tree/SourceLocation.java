package io.asyncws.generator.tree;

import java.nio.file.Path;

/**
 * Where something stands in a document: file, 1-based line and 1-based column.
 *
 * @param file the document, as the user named it or as a {@code $ref} reached it
 * @param line 1-based line
 * @param column 1-based column
 */
public record SourceLocation(Path file, int line, int column) implements Comparable<SourceLocation> {

  /** {@code file:line:column}, the form editors and CI annotate. */
  @Override
  public String toString() {
    return file + ":" + line + ":" + column;
  }

  @Override
  public int compareTo(SourceLocation other) {
    int byFile = file.toString().compareTo(other.file.toString());
    if (byFile != 0) return byFile;
    if (line != other.line) return Integer.compare(line, other.line);
    return Integer.compare(column, other.column);
  }
}
