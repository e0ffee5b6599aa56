package io.asyncws.generator.validate.structure;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.asyncws.generator.diagnostic.Diagnostic;
import io.asyncws.generator.tree.MappingNode;
import io.asyncws.generator.tree.Node;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Every corpus document, checked against the official schema of its version. */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class CorpusStructureTest {
  private static final Path UNKNOWN_FIELD = TestDocuments.CORPUS.resolve("synthetic/unknown-field.yml");
  private static final Path ADEO_30 = TestDocuments.CORPUS.resolve("spec-v3.0.0/adeo-kafka-request-reply-asyncapi.yml");

  /** Every corpus file with an {@code asyncapi} field (the others are $ref targets). */
  static Stream<Path> documents() throws IOException {
    TestDocuments docs = new TestDocuments();
    try (Stream<Path> walk = Files.walk(TestDocuments.CORPUS)) {
      List<Path> all = walk.filter(p -> p.toString().matches(".*\\.ya?ml")).sorted().toList();
      return all.stream().filter(p -> docs.load(p) instanceof MappingNode m && m.get("asyncapi").isPresent());
    }
  }

  static Stream<Path> validDocuments() throws IOException {
    return documents().filter(p -> !p.equals(UNKNOWN_FIELD) && !p.equals(ADEO_30));
  }

  @ParameterizedTest
  @MethodSource("validDocuments")
  void corpusDocumentHasNoStructuralError(Path file) {
    TestDocuments docs = new TestDocuments();
    List<Diagnostic> found = docs.validate(docs.load(file));
    assertEquals(List.of(), found, () -> file + ":\n" + String.join("\n", found.stream().map(Diagnostic::toString).toList()));
  }

  @Test
  void corpusHasTheDocumentsThisTestExpects() throws IOException {
    // Guards against a moved corpus making the parameterised test vacuous.
    assertTrue(documents().count() >= 60, "corpus documents found: " + documents().count());
  }

  @Test
  void unknownFieldOnChannelIsReportedOnceAtItsKey() {
    TestDocuments docs = new TestDocuments();
    List<Diagnostic> found = docs.validate(docs.load(UNKNOWN_FIELD));
    assertEquals(1, found.size(), found::toString);
    Diagnostic d = found.get(0);
    assertEquals(4, d.location().line());
    assertEquals(19, d.location().column());
    assertEquals(UNKNOWN_FIELD, d.location().file());
    assertEquals("unknown field 'typoField' in Channel 'c' (allowed: address, messages, parameters, title, summary,"
        + " description, servers, tags, externalDocs, bindings, and x- extensions)", d.message());
  }

  @Test
  void adeoKafkaKeyThatIsBothReferenceAndSchemaIsRejectedAsTheOfficialSchemaDoes() {
    TestDocuments docs = new TestDocuments();
    Node root = docs.load(ADEO_30);
    List<Diagnostic> found = docs.validate(root);
    assertEquals(1, found.size(), found::toString);
    Diagnostic d = found.get(0);
    assertEquals(245, d.location().line(), d::toString); // the '$ref' under bindings.kafka.key
    assertTrue(d.message().contains("'bindings.kafka.key' in Message 'costingResponse'"), d::toString);
    assertTrue(d.message().contains("is both a valid Reference and a valid Schema"), d::toString);
    assertTrue(d.hintText().orElse("").contains("Kafka message binding 0.5.0"), d::toString);
  }
}
