/**
 * The linked, version-neutral model of one AsyncAPI document: what the document means, with
 * every {@code $ref} followed, 2.x {@code publish}/{@code subscribe} turned into the application's
 * own {@link io.asyncws.generator.model.Action}, traits applied and every schema given a stable
 * name. Code generators see only this package, never the positioned tree.
 *
 * <p>All types are immutable. Every element keeps the {@link
 * io.asyncws.generator.tree.SourceLocation} it came from, for error messages and for the Javadoc
 * of generated code. Optional text is {@code null} when the document does not give it; lists and
 * maps are never null.
 */
package io.asyncws.generator.model;
