/**
 * Payload models: one Java type per schema, through {@link
 * io.asyncws.generator.emit.model.ModelTypes}. From
 *
 * <pre>
 * ping:
 *   type: object
 *   properties:
 *     event: {type: string, const: ping}
 *     reqid: {type: integer}
 *   required: [event]
 * </pre>
 *
 * comes
 *
 * <pre>{@code
 * @JsonInclude(JsonInclude.Include.NON_NULL)
 * @JsonIgnoreProperties(ignoreUnknown = true)
 * public record Ping(@JsonProperty(value = "event", required = true) String event, Long reqid) {
 *   @JsonCreator
 *   public Ping { ... event filled in when null, rejected when not "ping" ... }
 *   public Ping(Long reqid) { this(null, reqid); }
 * }
 * }</pre>
 *
 * <p>The choices, and why:
 *
 * <ul>
 *   <li>Object schemas (and {@code allOf}, merged) become records; {@code enum}s of strings or
 *       integers become enums with {@code @JsonValue}/{@code @JsonCreator}; {@code oneOf}/{@code
 *       anyOf} become sealed interfaces. Everything else is a library type: {@code String}, {@code
 *       Long} ({@code integer}; {@code Integer} for {@code int32}), {@code BigDecimal} ({@code
 *       number}: exchanges send prices, and a {@code Double} would neither keep them exact nor
 *       write integers back as they came; {@code Double} for {@code format: double|float}), {@code
 *       Boolean}, {@code OffsetDateTime}, {@code LocalDate}, {@code UUID}, {@code URI}, {@code
 *       byte[]} (base64), {@code List<T>}, {@code Map<String, T>}, and {@code JsonNode} for any
 *       JSON and for foreign schema formats such as Avro (Java has no type aliases: the payload is
 *       simply a {@code JsonNode}).
 *   <li>Every component is boxed and may be null: a primitive would read a missing number as 0 and
 *       hide a broken message. Required non-nullable components are checked by the constructor and
 *       by Jackson ({@code required = true}); {@code nullable} ones are written even when null;
 *       optional ones are left out when null.
 *   <li>{@code default}s replace null in the constructor; {@code const} components are filled in
 *       when null and rejected when different, and a shorter constructor leaves them out.
 *   <li>Unions with a usable {@code discriminator} use Jackson type info; others get a generated
 *       deserializer that matches fixed values, required properties and JSON types, and fails with
 *       a {@code JsonMappingException} naming the union when nothing or (for {@code oneOf}) more
 *       than one variant matches. Non-record variants are wrapped in nested records.
 *   <li>Records ignore undeclared properties (JSON Schema allows them) unless the schema says
 *       {@code additionalProperties: false}; described additional properties are kept in a
 *       {@code @JsonAnySetter} map component (Jackson 2.18+).
 * </ul>
 */
package io.asyncws.generator.emit.model;
