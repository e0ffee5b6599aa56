package io.asyncws.generator.validate.structure;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.asyncws.generator.diagnostic.Diagnostic;
import io.asyncws.generator.diagnostic.Diagnostics;
import io.asyncws.generator.resolve.DocumentSet;
import io.asyncws.generator.resolve.ResolveOptions;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The corpus again, with refs followed by the real resolver ({@link DocumentSet}, remote refs off,
 * as by default) instead of the test's own: the validator and the resolver agree on what a
 * {@code $ref} reaches.
 */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class ResolvedCorpusStructureTest {

  static Stream<Path> validDocuments() throws IOException {
    return CorpusStructureTest.validDocuments();
  }

  /** Structural diagnostics only; the resolver's own (remote refs) go elsewhere. */
  private static List<Diagnostic> structure(Path file) {
    DocumentSet set = DocumentSet.open(file, ResolveOptions.defaults(), new Diagnostics());
    Diagnostics structural = new Diagnostics();
    StructureValidator.validateDocument(set.root().orElseThrow(), set::deref, structural);
    return structural.sorted();
  }

  @ParameterizedTest
  @MethodSource("validDocuments")
  void corpusDocumentHasNoStructuralErrorWithTheRealResolver(Path file) {
    List<Diagnostic> found = structure(file);
    assertEquals(List.of(), found, () -> file + ":\n" + String.join("\n", found.stream().map(Diagnostic::toString).toList()));
  }

  @Test
  void adeoKafkaKeyIsTheOnlyStructuralErrorWithTheRealResolver() {
    List<Diagnostic> found = structure(TestDocuments.CORPUS.resolve("spec-v3.0.0/adeo-kafka-request-reply-asyncapi.yml"));
    assertEquals(1, found.size(), found::toString);
    assertEquals(245, found.get(0).location().line());
    assertTrue(found.get(0).message().contains("is both a valid Reference and a valid Schema"), found.get(0)::toString);
  }

  @Test
  void unknownFieldIsTheOnlyStructuralErrorWithTheRealResolver() {
    List<Diagnostic> found = structure(TestDocuments.CORPUS.resolve("synthetic/unknown-field.yml"));
    assertEquals(1, found.size(), found::toString);
    assertEquals("4:19", found.get(0).location().line() + ":" + found.get(0).location().column());
  }
}
