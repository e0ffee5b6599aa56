package io.asyncws.generator.bind;

/**
 * A document bound to asyncapi-core's classes: proof that the library reads it, and its typed
 * objects for callers who want them. The linker works from the positioned tree instead (see
 * {@link AsyncApiBinder} for why).
 */
public sealed interface BoundDocument {

  /**
   * A 2.x document, read with the 2.6 model (2.0-2.5 are subsets of 2.6).
   *
   * @param document the bound document
   */
  record V2(com.asyncapi.v2._6_0.model.AsyncAPI document) implements BoundDocument {}

  /**
   * A 3.x document, read with the 3.0 model.
   *
   * @param document the bound document
   * @param translatedFrom31 whether the document is 3.1, read as 3.0 (see {@link AsyncApiBinder})
   */
  record V3(com.asyncapi.v3._0_0.model.AsyncAPI document, boolean translatedFrom31) implements BoundDocument {}
}
