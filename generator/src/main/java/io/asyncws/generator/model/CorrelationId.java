package io.asyncws.generator.model;

import io.asyncws.generator.tree.SourceLocation;

/**
 * Where a message carries the id that pairs a request with its reply.
 *
 * @param expression the runtime expression as written, e.g. {@code $message.payload#/reqid}
 * @param source payload or header, or null when the expression is malformed (validation reports it)
 * @param pointer the JSON pointer inside it, e.g. {@code /reqid}; empty for the whole source; null
 *     when the expression is malformed
 * @param description or null
 * @param location where the correlation id object stands
 */
public record CorrelationId(
    String expression, Source source, String pointer, String description, SourceLocation location) {

  /** The part of the message the pointer applies to. */
  public enum Source {
    PAYLOAD,
    HEADER
  }
}
