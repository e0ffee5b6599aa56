package io.asyncws.generator.load;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.asyncws.generator.diagnostic.Diagnostics;
import io.asyncws.generator.tree.MappingNode;
import io.asyncws.generator.tree.Node;
import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Every file of the corpus loads without a diagnostic. */
@Timeout(value = 30, unit = TimeUnit.SECONDS)
class CorpusLoadTest {

  static Path corpus() {
    try {
      return Path.of(CorpusLoadTest.class.getResource("/corpus").toURI());
    } catch (URISyntaxException e) {
      throw new IllegalStateException(e);
    }
  }

  static Stream<Path> corpusFiles() throws IOException {
    try (Stream<Path> files = Files.walk(corpus())) {
      List<Path> list =
          files
              .filter(p -> p.toString().matches(".*\\.(ya?ml|json)"))
              .sorted()
              .toList();
      return list.stream();
    }
  }

  @ParameterizedTest
  @MethodSource("corpusFiles")
  void corpusFileLoadsCleanly(Path file) {
    Diagnostics diagnostics = new Diagnostics();
    Optional<Node> root = new DocumentLoader().load(file, diagnostics);
    assertEquals(List.of(), diagnostics.sorted());
    assertTrue(root.orElseThrow() instanceof MappingNode);
  }
}
