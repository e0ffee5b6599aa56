package io.asyncws.generator.validate.structure;

import static org.junit.jupiter.api.Assertions.assertFalse;

import io.asyncws.generator.diagnostic.Diagnostics;
import io.asyncws.generator.load.DocumentLoader;
import io.asyncws.generator.tree.MappingNode;
import io.asyncws.generator.tree.Node;
import io.asyncws.generator.tree.ScalarNode;
import io.asyncws.generator.tree.SequenceNode;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Test-only documents and a minimal {@code $ref} follower (local pointers and relative files), so
 * the validator's tests do not depend on the real resolver. Remote refs are out of reach, as they
 * are by default in the tool.
 */
final class TestDocuments {
  /** The copied corpus; tests run with the module as working directory. */
  static final Path CORPUS = Path.of("src/test/resources/corpus");

  private final DocumentLoader loader = new DocumentLoader();
  private final Map<Path, Node> files = new HashMap<>();

  /** Loads a file (cached), failing the test when it does not load cleanly. */
  Node load(Path file) {
    return files.computeIfAbsent(file.normalize(), f -> {
      Diagnostics d = new Diagnostics();
      Optional<Node> root = loader.loadAnyRoot(f, d);
      assertFalse(d.hasErrors() || root.isEmpty(), () -> "cannot load " + f + ": " + d.sorted());
      return root.get();
    });
  }

  /** Parses YAML text given inline, named {@code name} in diagnostics. */
  Node parse(String name, String yaml) {
    Diagnostics d = new Diagnostics();
    Optional<Node> root = loader.load(Path.of(name), yaml.getBytes(StandardCharsets.UTF_8), d);
    assertFalse(d.hasErrors() || root.isEmpty(), () -> "cannot parse: " + d.sorted());
    files.put(Path.of(name), root.get());
    return root.get();
  }

  /** Makes {@code root} the tree of {@code file} from now on: a mutated document replaces its original. */
  void replace(Path file, Node root) {
    files.put(file.normalize(), root);
  }

  /** One hop of a {@code $ref}: empty for remote, missing or malformed refs. */
  Optional<Node> deref(Node node) {
    if (!(node instanceof MappingNode map)
        || !(map.get("$ref").orElse(null) instanceof ScalarNode s) || !s.isString()) {
      return Optional.empty();
    }
    String ref = s.text();
    if (ref.contains("://")) return Optional.empty();
    int hash = ref.indexOf('#');
    String file = hash < 0 ? ref : ref.substring(0, hash);
    String pointer = hash < 0 ? "" : ref.substring(hash + 1);
    Path here = node.location().file();
    Path target = file.isEmpty() ? here : resolveSibling(here, file);
    if (!file.isEmpty() && !Files.isRegularFile(target)) return Optional.empty();
    Node at = file.isEmpty() ? files.get(here.normalize()) : load(target);
    if (at == null) return Optional.empty();
    for (String raw : pointer.split("/")) {
      if (raw.isEmpty()) continue;
      String token = URLDecoder.decode(raw, StandardCharsets.UTF_8).replace("~1", "/").replace("~0", "~");
      if (at instanceof MappingNode m && m.get(token).isPresent()) {
        at = m.get(token).get();
      } else if (at instanceof SequenceNode seq && token.matches("\\d+")
          && Integer.parseInt(token) < seq.items().size()) {
        at = seq.items().get(Integer.parseInt(token));
      } else {
        return Optional.empty();
      }
    }
    return Optional.of(at);
  }

  private static Path resolveSibling(Path here, String file) {
    Path parent = here.getParent();
    return (parent == null ? Path.of(file) : parent.resolve(file)).normalize();
  }

  /** Validates a loaded root and returns every diagnostic, sorted. */
  List<io.asyncws.generator.diagnostic.Diagnostic> validate(Node root) {
    Diagnostics d = new Diagnostics();
    StructureValidator.validateDocument(root, this::deref, d);
    return d.sorted();
  }
}
