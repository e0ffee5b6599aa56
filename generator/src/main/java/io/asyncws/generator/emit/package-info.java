/**
 * Code generation: the parts every emitter shares. Emitters build JavaPoet specs from the linked
 * {@link io.asyncws.generator.model model}, never from the document tree, and never with string
 * templates.
 *
 * <ul>
 *   <li>{@link io.asyncws.generator.emit.TypeNames}: every library type generated code names,
 *       declared once.
 *   <li>{@link io.asyncws.generator.emit.JavaNames}: Java identifiers for document names ({@code
 *       class}, {@code $ref}, {@code 2fa}, {@code user-name}), type names that neither shadow
 *       {@code java.lang} nor clash on case-insensitive file systems.
 *   <li>{@link io.asyncws.generator.emit.JavadocText}: document text made safe for Javadoc.
 *   <li>{@link io.asyncws.generator.emit.FileHeader}: every file names its source document and says
 *       not to edit it.
 *   <li>{@link io.asyncws.generator.emit.GeneratedFile}: rendered files, sorted, written to disk.
 * </ul>
 *
 * <p>Payload models are in {@link io.asyncws.generator.emit.model}.
 */
package io.asyncws.generator.emit;
