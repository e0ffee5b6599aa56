package io.asyncws.generator.validate.structure;

import io.asyncws.generator.tree.SourceLocation;

/**
 * One way a node fails a schema, before it becomes a diagnostic. The kind and depth let
 * {@link Alternatives} judge which branch of a {@code oneOf} the author meant.
 *
 * @param location where to point: the key for unknown or missing fields, the value otherwise
 * @param message a full sentence
 * @param hint what to do, or null
 * @param kind what failed
 * @param depth how deep below the evaluation's start the failing node is
 */
record Failure(SourceLocation location, String message, String hint, Kind kind, int depth) {

  /** What failed; the order is how strongly it says "this is not the branch the author meant". */
  enum Kind {
    /** The node has the wrong JSON type. */
    TYPE,
    /** A value is not in an enum or differs from a const. */
    VALUE,
    /** A required field is absent. */
    REQUIRED,
    /** A field the object does not allow. */
    UNKNOWN_FIELD,
    /** More than one alternative of a oneOf fits. */
    AMBIGUOUS,
    /** Anything else: lengths, patterns, bounds. */
    OTHER
  }
}
