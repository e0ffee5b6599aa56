package io.asyncws.generator.resolve;

import java.net.URI;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * Where a {@code $ref} finally leads: a document and a JSON pointer into it. Two refs that reach
 * the same node, by whatever spelling or chain, have equal targets, so a linker can memoize on it
 * and turn circular schemas into a graph.
 *
 * @param document the document: a normalized absolute {@code file:} URI, or the {@code http(s):}
 *     URI of a remote document, without fragment
 * @param pointer the JSON pointer in its canonical form ({@code ~0}/{@code ~1} escapes, no percent
 *     escapes): {@code ""} for the whole document, {@code "/components/schemas/User"} for a schema
 */
public record RefTarget(URI document, String pointer) {

  /** The reference tokens of the pointer, unescaped: {@code ["components", "schemas", "User"]}. */
  public List<String> tokens() {
    return JsonPointer.tokens(pointer);
  }

  /** The pointer's last token ({@code "User"}), a natural name for what it points at. */
  public Optional<String> lastToken() {
    List<String> tokens = tokens();
    return tokens.isEmpty() ? Optional.empty() : Optional.of(tokens.get(tokens.size() - 1));
  }

  /** The local file of the document, if it is one. */
  public Optional<Path> file() {
    return "file".equals(document.getScheme()) ? Optional.of(Path.of(document)) : Optional.empty();
  }

  /** The target the way a {@code $ref} would spell it: {@code file:///api/asyncapi.yaml#/a/b}. */
  @Override
  public String toString() {
    return document + "#" + pointer;
  }
}
