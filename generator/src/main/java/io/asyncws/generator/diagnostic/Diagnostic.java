package io.asyncws.generator.diagnostic;

import io.asyncws.generator.tree.SourceLocation;
import java.util.Optional;

/**
 * One finding about a document, at a place in it.
 *
 * @param severity error or warning
 * @param location where in which file
 * @param message a full sentence saying what is wrong
 * @param hint what to do about it ("did you mean 'payload'?"), or null
 */
public record Diagnostic(Severity severity, SourceLocation location, String message, String hint)
    implements Comparable<Diagnostic> {

  public static Diagnostic error(SourceLocation location, String message) {
    return new Diagnostic(Severity.ERROR, location, message, null);
  }

  public static Diagnostic warning(SourceLocation location, String message) {
    return new Diagnostic(Severity.WARNING, location, message, null);
  }

  /** This diagnostic with a hint. */
  public Diagnostic withHint(String hint) {
    return new Diagnostic(severity, location, message, hint);
  }

  public Optional<String> hintText() {
    return Optional.ofNullable(hint);
  }

  /** The gcc-style line: {@code file:line:col: error: message (hint)}. */
  @Override
  public String toString() {
    return location + ": " + severity.label() + ": " + message + (hint == null ? "" : " (" + hint + ")");
  }

  @Override
  public int compareTo(Diagnostic other) {
    int byLocation = location.compareTo(other.location);
    return byLocation != 0 ? byLocation : message.compareTo(other.message);
  }
}
