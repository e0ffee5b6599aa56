package io.asyncws.generator.load;

import io.asyncws.generator.tree.SourceLocation;

/**
 * Stops loading a document at the first problem that leaves nothing sensible to read on: a bomb,
 * bad bytes, nesting past the limit. {@link DocumentLoader} turns it into one error diagnostic.
 */
final class LoadFailure extends RuntimeException {
  private static final long serialVersionUID = 1L;

  private final transient SourceLocation location;
  private final String hint;

  LoadFailure(SourceLocation location, String message, String hint) {
    super(message, null, false, false);
    this.location = location;
    this.hint = hint;
  }

  SourceLocation location() {
    return location;
  }

  /** What the user can do about it, or null. */
  String hint() {
    return hint;
  }
}
