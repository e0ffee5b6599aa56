package io.asyncws.generator.diagnostic;

import io.asyncws.generator.tree.SourceLocation;
import java.util.ArrayList;
import java.util.List;

/**
 * Collects every diagnostic of a run so that a user sees all problems at once, not the first.
 * Not thread-safe: one per run.
 */
public final class Diagnostics {
  private final List<Diagnostic> all = new ArrayList<>();

  public void add(Diagnostic diagnostic) {
    all.add(diagnostic);
  }

  public Diagnostic error(SourceLocation location, String message) {
    Diagnostic d = Diagnostic.error(location, message);
    all.add(d);
    return d;
  }

  public Diagnostic warning(SourceLocation location, String message) {
    Diagnostic d = Diagnostic.warning(location, message);
    all.add(d);
    return d;
  }

  /** Adds an error with a hint. */
  public void error(SourceLocation location, String message, String hint) {
    all.add(Diagnostic.error(location, message).withHint(hint));
  }

  /** Adds a warning with a hint. */
  public void warning(SourceLocation location, String message, String hint) {
    all.add(Diagnostic.warning(location, message).withHint(hint));
  }

  public boolean hasErrors() {
    return all.stream().anyMatch(d -> d.severity() == Severity.ERROR);
  }

  /** Every diagnostic, sorted by file, line, column, without duplicates. */
  public List<Diagnostic> sorted() {
    return all.stream().distinct().sorted().toList();
  }
}
