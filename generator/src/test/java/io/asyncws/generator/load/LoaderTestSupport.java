package io.asyncws.generator.load;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.asyncws.generator.diagnostic.Diagnostic;
import io.asyncws.generator.diagnostic.Diagnostics;
import io.asyncws.generator.diagnostic.Severity;
import io.asyncws.generator.tree.MappingNode;
import io.asyncws.generator.tree.Node;
import io.asyncws.generator.tree.ScalarNode;
import io.asyncws.generator.tree.SequenceNode;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/** Small helpers shared by the loader tests: load text, walk a path, check one error. */
final class LoaderTestSupport {
  static final Path FILE = Path.of("doc.yaml");

  private LoaderTestSupport() {}

  /** A load's outcome: the tree if any and every diagnostic. */
  record Result(Optional<Node> root, List<Diagnostic> diagnostics) {
    List<Diagnostic> errors() {
      return diagnostics.stream().filter(d -> d.severity() == Severity.ERROR).toList();
    }

    Node node() {
      assertEquals(List.of(), diagnostics, "unexpected diagnostics");
      return root.orElseThrow();
    }

    /** The only error, asserting there is exactly one and that no tree came out. */
    Diagnostic onlyError() {
      assertEquals(1, errors().size(), () -> "expected one error, got " + diagnostics);
      return errors().get(0);
    }
  }

  static Result load(String text) {
    return load(new DocumentLoader(), text.getBytes(StandardCharsets.UTF_8));
  }

  static Result load(DocumentLoader loader, byte[] bytes) {
    Diagnostics diagnostics = new Diagnostics();
    Optional<Node> root = loader.load(FILE, bytes, diagnostics);
    return new Result(root, diagnostics.sorted());
  }

  static Result loadAny(String text) {
    Diagnostics diagnostics = new Diagnostics();
    Optional<Node> root =
        new DocumentLoader().loadAnyRoot(FILE, text.getBytes(StandardCharsets.UTF_8), diagnostics);
    return new Result(root, diagnostics.sorted());
  }

  /** The node at a path of keys and (numeric) indexes. */
  static Node at(Node root, Object... path) {
    Node node = root;
    for (Object step : path) {
      if (step instanceof Integer) {
        node = ((SequenceNode) node).items().get((Integer) step);
      } else {
        node = ((MappingNode) node).get((String) step).orElseThrow(() -> new AssertionError(step));
      }
    }
    return node;
  }

  static Object value(Node root, Object... path) {
    return ((ScalarNode) at(root, path)).value();
  }

  static void assertAt(Diagnostic d, int line, int column) {
    String actual = d.location().line() + ":" + d.location().column();
    assertEquals(line + ":" + column, actual, d::toString);
  }

  static void assertMessageContains(Diagnostic d, String... parts) {
    for (String part : parts) {
      assertTrue(d.toString().contains(part), () -> "'" + part + "' not in: " + d);
    }
  }
}
