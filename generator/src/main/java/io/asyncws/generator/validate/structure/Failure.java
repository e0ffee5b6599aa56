package io.asyncws.generator.validate.structure;

import io.asyncws.generator.tree.SourceLocation;

/**
 * One way a node fails a schema, before it becomes a diagnostic. The kind and depth let
 * {@link Alternatives} judge which branch of a {@code oneOf} the author meant.
 *
 * @param location where to point: the key for unknown or missing fields, the value otherwise
 * @param subject the place in words ("'servers' in Channel 'c'"), or empty when the fact names it
 * @param fact what is wrong there ("must be an array, not a string")
 * @param hint what to do, or null
 * @param kind what failed
 * @param depth how deep below the evaluation's start the failing node is
 * @param object for a missing or unknown field, where the object that has it starts; else null
 * @param field for a missing field its name, for an unknown one the field it is likely a typo of
 *     (or null); else null
 */
record Failure(SourceLocation location, String subject, String fact, String hint, Kind kind, int depth,
    SourceLocation object, String field) {

  Failure(SourceLocation location, String subject, String fact, String hint, Kind kind, int depth) {
    this(location, subject, fact, hint, kind, depth, null, null);
  }

  /** The full sentence. */
  String message() {
    return subject.isEmpty() ? fact : subject + " " + fact;
  }

  /**
   * What makes two failures the same problem. A node reached along two paths (a component in place
   * and through a '$ref'; a Schema through the draft-07 meta-schema and through AsyncAPI's
   * additions) fails twice with two descriptions; one report is enough. One wrong type, one wrong
   * value and one unknown key per position are one problem each whatever the wording; a missing field is the
   * same problem for the same object even when one path points at its key and the other at its
   * first line.
   */
  String identity() {
    return switch (kind) {
      case TYPE, VALUE, UNKNOWN_FIELD -> location + "|" + kind;
      case REQUIRED -> location.file() + "|" + kind + "|" + subject + "|" + fact;
      default -> location + "|" + kind + "|" + fact;
    };
  }

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
