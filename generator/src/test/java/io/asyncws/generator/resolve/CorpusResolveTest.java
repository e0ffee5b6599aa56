package io.asyncws.generator.resolve;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.asyncws.generator.diagnostic.Diagnostic;
import io.asyncws.generator.diagnostic.Diagnostics;
import io.asyncws.generator.diagnostic.Severity;
import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Every corpus document but the two adeo ones (remote refs) resolves without an error. */
@Timeout(value = 30, unit = TimeUnit.SECONDS)
class CorpusResolveTest {

  static Path corpus() {
    try {
      return Path.of(CorpusResolveTest.class.getResource("/corpus").toURI());
    } catch (URISyntaxException e) {
      throw new IllegalStateException(e);
    }
  }

  static Stream<Path> localDocuments() throws IOException {
    try (Stream<Path> files = Files.walk(corpus())) {
      return files
          .filter(p -> p.toString().matches(".*\\.(ya?ml|json)"))
          .filter(p -> !p.getFileName().toString().startsWith("adeo-"))
          .sorted()
          .toList()
          .stream();
    }
  }

  @ParameterizedTest
  @MethodSource("localDocuments")
  void corpusDocumentResolvesEveryRefWithoutError(Path file) {
    Diagnostics diagnostics = new Diagnostics();
    DocumentSet set = DocumentSet.open(file, ResolveOptions.defaults(), diagnostics);
    set.resolveAll();
    List<Diagnostic> errors =
        diagnostics.sorted().stream().filter(d -> d.severity() == Severity.ERROR).toList();
    assertEquals(List.of(), errors);
    assertTrue(set.root().isPresent());
  }
}
