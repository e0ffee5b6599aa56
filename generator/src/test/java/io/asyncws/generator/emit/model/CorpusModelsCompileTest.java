package io.asyncws.generator.emit.model;

import io.asyncws.generator.ReaderTestSupport;
import java.io.IOException;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every valid corpus document's models compile with {@code -Xlint:all -Werror}. The adeo documents
 * are left out: their Avro schemas are remote {@code $ref}s, which the reader reports as errors by
 * default, so they have no model to generate from.
 */
class CorpusModelsCompileTest {

  static Stream<Path> documents() {
    return ReaderTestSupport.corpusDocuments().stream()
        .filter(p -> !p.getFileName().toString().startsWith("adeo-"))
        .filter(p -> !p.getFileName().toString().equals("unknown-field.yml"));
  }

  @ParameterizedTest
  @MethodSource("documents")
  @Timeout(value = 60, unit = TimeUnit.SECONDS)
  void modelsOfCorpusDocumentCompileWithoutWarnings(Path document, @TempDir Path work)
      throws IOException {
    ModelTestSupport.compile(document, work);
  }
}
