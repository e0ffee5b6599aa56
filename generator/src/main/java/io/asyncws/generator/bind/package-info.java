/**
 * Binding to {@code com.asyncapi:asyncapi-core} 1.0.0-RC4, kept as an independent check.
 *
 * <p>What the library does not do, and why the linker reads the positioned tree instead:
 *
 * <ul>
 *   <li><b>No positions.</b> Plain Jackson POJOs: nothing says which line a value came from, so
 *       every diagnostic would need the tree anyway.
 *   <li><b>References are untyped.</b> Wherever the spec allows a Reference Object the field is
 *       {@code Object} (3.0 {@code servers}, {@code channels}, {@code operations}, message
 *       {@code payload}/{@code headers}/{@code correlationId}/{@code traits}, operation
 *       {@code reply}, schema {@code items}/{@code type}/{@code additionalProperties}, 2.6
 *       operation {@code message}) holding a {@code Reference}, the model class or a map; but
 *       schema {@code oneOf} is {@code List<AsyncAPISchema>}, so a {@code $ref} there is a schema
 *       with only its ref set. Walking the objects is {@code instanceof} chains.
 *   <li><b>No resolution.</b> A {@code Reference} holds the {@code $ref} string only: no pointer
 *       evaluation, no relative files, no cycle handling, no traits merge.
 *   <li><b>Versions.</b> Models for 2.0, 2.6 and 3.0 only: 2.1-2.5 are read with 2.6 (they are
 *       subsets), 3.1 with 3.0 after rewriting {@code asyncapi} (every 3.1 document of the corpus
 *       binds that way).
 *   <li><b>Unknown keys throw.</b> Every model extends {@code ExtendableObject}, whose any-setter
 *       throws {@code IllegalArgumentException} for a key that is not {@code x-}: schema keywords
 *       real documents use ({@code nullable}, {@code summary}, {@code $defs}, a parser test's
 *       {@code test}) and binding fields of other binding versions (AMQP {@code replyTo}, HTTP
 *       {@code type}: without {@code bindingVersion} the library picks its own version) fail.
 *   <li><b>Swallowed failures on stderr.</b> Its map and list deserializers catch those failures,
 *       call {@code printStackTrace()} and continue, so a partly bound document looks bound;
 *       {@link io.asyncws.generator.bind.AsyncApiBinder} captures {@code System.err} to turn that
 *       into a warning and keep stack traces off the console.
 *   <li><b>Dependencies.</b> It drags in {@code kotlin-stdlib} that none of its classes use
 *       (excluded in the module pom).
 * </ul>
 */
package io.asyncws.generator.bind;
