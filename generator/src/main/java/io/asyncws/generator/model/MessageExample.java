package io.asyncws.generator.model;

import io.asyncws.generator.tree.SourceLocation;

/**
 * One example of a message.
 *
 * @param name or null
 * @param summary or null
 * @param payload the payload as plain Java values (see {@link SchemaModel}), or null
 * @param headers the headers as plain Java values, or null
 * @param location where the example stands
 */
public record MessageExample(
    String name, String summary, Object payload, Object headers, SourceLocation location) {}
