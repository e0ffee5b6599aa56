package io.asyncws.generator;

import static io.asyncws.generator.ReaderTestSupport.CORPUS;
import static io.asyncws.generator.ReaderTestSupport.WRAPPERS;
import static io.asyncws.generator.ReaderTestSupport.errors;
import static io.asyncws.generator.ReaderTestSupport.read;
import static io.asyncws.generator.ReaderTestSupport.readCorpus;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.asyncws.generator.diagnostic.Diagnostic;
import io.asyncws.generator.model.JsonType;
import io.asyncws.generator.model.SchemaModel;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

/** Every corpus document behaves as {@code shared/README.md} says under {@code validate}. */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class CorpusValidationTest {
  private static final String ADEO = "adeo-kafka-request-reply-asyncapi.yml";
  private static final String UNKNOWN_FIELD = "unknown-field.yml";

  static Stream<Path> validDocuments() {
    return Stream.concat(
        ReaderTestSupport.corpusDocuments().stream()
            .filter(p -> !p.endsWith(ADEO) && !p.endsWith(UNKNOWN_FIELD)),
        Stream.of("circular-ref.yml", "circular-ref-deep.yml", "simple-message.yml").map(WRAPPERS::resolve));
  }

  @ParameterizedTest
  @MethodSource("validDocuments")
  void validDocumentReadsIntoModelWithoutErrors(Path document) {
    ReadResult result = read(document);
    assertEquals(List.of(), errors(result), () -> "diagnostics: " + result.diagnostics());
    assertTrue(result.model().isPresent());
    assertTrue(result.model().get().info().title() != null, "the model carries the info title");
  }

  @Test
  void corpusHasTheDocumentsTheReadmeNames() {
    // Guards the parameterized test against an empty or half-copied corpus.
    // 76 corpus documents (79 minus the two adeo and unknown-field) and 3 wrappers.
    assertEquals(79, validDocuments().count());
  }

  @Test
  void unknownFieldIsAnErrorAtItsKeyNamingWhatIsAllowed() {
    ReadResult result = readCorpus("synthetic/" + UNKNOWN_FIELD);
    List<Diagnostic> errors = errors(result);
    assertEquals(1, errors.size(), () -> "errors: " + errors);
    Diagnostic d = errors.get(0);
    assertEquals(4, d.location().line());
    assertEquals(19, d.location().column());
    assertTrue(d.location().file().endsWith(UNKNOWN_FIELD));
    assertTrue(d.message().contains("typoField"), d.message());
    assertTrue(d.message().contains("address"), "names what is allowed: " + d.message());
    assertTrue(result.model().isEmpty());
  }

  @ParameterizedTest
  @ValueSource(strings = {"spec-v3.0.0/" + ADEO, "spec-v3.1.0/" + ADEO})
  void adeoRemoteRefsAreErrorsAtEachRefNamingUrlAndFlag(String relative) {
    ReadResult result = readCorpus(relative);
    List<Diagnostic> remote = errors(result).stream().filter(d -> d.message().contains("https://")).toList();
    List<int[]> expected = remoteRefPositions(CORPUS.resolve(relative));
    assertEquals(expected.size(), remote.size(), () -> "remote-ref errors: " + remote);
    for (int i = 0; i < expected.size(); i++) {
      Diagnostic d = remote.get(i);
      assertEquals(expected.get(i)[0], d.location().line(), d::toString);
      assertEquals(expected.get(i)[1], d.location().column(), d::toString);
      assertTrue(String.valueOf(d).contains("--allow-remote-refs"), d::toString);
    }
    assertTrue(result.model().isEmpty());
  }

  @Test
  void adeo30AlsoReportsTheKafkaKeyTheSpecSchemaRejects() {
    ReadResult result = readCorpus("spec-v3.0.0/" + ADEO);
    assertTrue(errors(result).stream().anyMatch(d -> d.message().contains("bindings.kafka.key")),
        () -> "errors: " + errors(result));
  }

  @Test
  void adeo31HasNoErrorBesideItsRemoteRefs() {
    ReadResult result = readCorpus("spec-v3.1.0/" + ADEO);
    assertTrue(errors(result).stream().allMatch(d -> d.message().contains("https://")),
        () -> "errors: " + errors(result));
  }

  @ParameterizedTest
  @ValueSource(strings = {"synthetic/schema-nullable.yml", "synthetic/schema-summary-keyword.yml", "synthetic/schema-defs.yml"})
  void schemaKeywordsOutsideTheDialectAreAcceptedWithWarningsAtMost(String relative) {
    ReadResult result = readCorpus(relative);
    assertEquals(List.of(), errors(result));
    assertTrue(result.model().orElseThrow().schemas().contains("A"));
  }

  @Test
  void nullableTrueMakesTheFieldNullable() {
    SchemaModel a = readCorpus("synthetic/schema-nullable.yml").model().orElseThrow().schemas().get("A");
    SchemaModel x = a.properties().get("x").get();
    assertTrue(x.nullable());
    assertTrue(x.isType(JsonType.STRING));
  }

  /** Line and column of every {@code $ref: 'https://...'} value, found textually in the file. */
  private static List<int[]> remoteRefPositions(Path file) {
    try {
      List<String> lines = java.nio.file.Files.readAllLines(file);
      List<int[]> out = new java.util.ArrayList<>();
      for (int i = 0; i < lines.size(); i++) {
        String line = lines.get(i);
        int ref = line.indexOf("$ref:");
        if (ref < 0) continue;
        int value = ref + "$ref:".length();
        while (line.charAt(value) == ' ') value++;
        if (line.startsWith("http", value + 1) || line.startsWith("http", value)) out.add(new int[] {i + 1, value + 1});
      }
      return out;
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }
}
