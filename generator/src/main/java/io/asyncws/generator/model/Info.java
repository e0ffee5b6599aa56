package io.asyncws.generator.model;

import io.asyncws.generator.tree.SourceLocation;

/**
 * The document's {@code info} object, reduced to what generated code names or documents.
 *
 * @param title the API's title
 * @param version the API's own version (not the AsyncAPI version)
 * @param description Markdown description, or null
 * @param location where {@code info} stands
 */
public record Info(String title, String version, String description, SourceLocation location) {}
