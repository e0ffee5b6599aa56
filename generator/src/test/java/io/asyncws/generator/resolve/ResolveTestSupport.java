package io.asyncws.generator.resolve;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.asyncws.generator.diagnostic.Diagnostic;
import io.asyncws.generator.diagnostic.Diagnostics;
import io.asyncws.generator.diagnostic.Severity;
import io.asyncws.generator.tree.MappingNode;
import io.asyncws.generator.tree.Node;
import io.asyncws.generator.tree.ScalarNode;
import io.asyncws.generator.tree.SequenceNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/** Helpers for resolver tests: write files, open a set, walk raw paths, check errors. */
final class ResolveTestSupport {

  private ResolveTestSupport() {}

  static Path write(Path dir, String name, String text) {
    try {
      Path file = dir.resolve(name);
      Files.createDirectories(file.getParent());
      Files.write(file, text.getBytes(StandardCharsets.UTF_8));
      return file;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The raw node at a path of keys and indexes, without following refs. */
  static Node raw(Node root, Object... path) {
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

  static Object scalar(Node node, String key) {
    return ((ScalarNode) ((MappingNode) node).get(key).orElseThrow()).value();
  }

  static List<Diagnostic> errors(Diagnostics diagnostics) {
    return diagnostics.sorted().stream().filter(d -> d.severity() == Severity.ERROR).toList();
  }

  static Diagnostic onlyError(Diagnostics diagnostics) {
    List<Diagnostic> errors = errors(diagnostics);
    assertEquals(1, errors.size(), () -> "expected one error, got " + diagnostics.sorted());
    return errors.get(0);
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
