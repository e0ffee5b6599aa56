/**
 * Resolve: the root document and every document its {@code $ref}s reach ({@link
 * io.asyncws.generator.resolve.DocumentSet}), with refs followed lazily and without copying, so
 * that circular schemas stay graphs. {@link io.asyncws.generator.resolve.RefTarget} names where a
 * ref leads, for memoizing linkers. Remote refs are fetched only with {@link
 * io.asyncws.generator.resolve.ResolveOptions#allowRemoteRefs()}.
 */
package io.asyncws.generator.resolve;
