package io.asyncws.generator.model;

/**
 * A JSON value written in a schema ({@code const}, {@code default}), wrapped so that "absent"
 * (a null {@code Literal}) differs from "the value null" ({@code new Literal(null)}).
 *
 * @param value a plain Java value: {@link String}, {@link Boolean}, {@link Long}, {@link
 *     java.math.BigInteger}, {@link Double}, {@link java.math.BigDecimal}, an unmodifiable {@code
 *     Map<String, Object>} (document order), an unmodifiable {@code List<Object>}, or null
 */
public record Literal(Object value) {}
