package io.asyncws.generator;

import static org.junit.jupiter.api.Assertions.assertTrue;

import io.asyncws.generator.diagnostic.Diagnostic;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Through the whole pipeline: dangling a local {@code $ref} of a corpus document gives an error at
 * that ref's own line and column, the document is invalid, and nothing throws.
 */
@Timeout(value = 120, unit = TimeUnit.SECONDS)
class DanglingRefMutationTest {
  /** Refs mutated per document, spread over it: enough to cover refs in every section. */
  private static final int REFS_PER_DOCUMENT = 6;

  @TempDir Path dir;

  /** Single-file documents with local refs (multi-file ones would lose their neighbours in a temp dir). */
  static Stream<Path> documentsWithLocalRefs() throws IOException {
    List<Path> out = new ArrayList<>();
    for (Path p : ReaderTestSupport.corpusDocuments()) {
      if (p.toString().contains("social-media") || p.endsWith("simple-with-refs.yaml")) continue;
      if (!localRefLines(Files.readAllLines(p)).isEmpty()) out.add(p);
    }
    return out.stream();
  }

  @ParameterizedTest
  @MethodSource("documentsWithLocalRefs")
  void danglingLocalRefIsAnErrorAtTheRef(Path document) throws IOException {
    List<String> lines = Files.readAllLines(document);
    List<Integer> refLines = localRefLines(lines);
    int step = Math.max(1, refLines.size() / REFS_PER_DOCUMENT);
    for (int k = 0; k < refLines.size(); k += step) {
      int index = refLines.get(k);
      List<String> mutated = new ArrayList<>(lines);
      String line = lines.get(index);
      mutated.set(index, line.replaceFirst("#/", "#/missing/"));
      Path file = dir.resolve(document.getFileName());
      Files.writeString(file, String.join("\n", mutated) + "\n");
      ReadResult result = AsyncApiReader.read(file, AsyncApiReader.Options.defaults());
      int expectedLine = index + 1;
      int expectedColumn = valueColumn(line);
      List<Diagnostic> errors = ReaderTestSupport.errors(result);
      assertTrue(errors.stream().anyMatch(d -> d.location().line() == expectedLine
              && d.location().column() == expectedColumn && d.message().contains("#/missing/")),
          () -> document + ": no error at " + expectedLine + ":" + expectedColumn + " for '"
              + mutated.get(index).strip() + "'; got " + errors);
      assertTrue(result.model().isEmpty());
    }
  }

  private static List<Integer> localRefLines(List<String> lines) {
    List<Integer> out = new ArrayList<>();
    for (int i = 0; i < lines.size(); i++) {
      String l = lines.get(i);
      if (l.matches("\\s*(- )?\\$ref: ['\"]?#/.*")) out.add(i);
    }
    return out;
  }

  /** The 1-based column where the value after {@code $ref:} starts. */
  private static int valueColumn(String line) {
    int value = line.indexOf("$ref:") + "$ref:".length();
    while (line.charAt(value) == ' ') value++;
    return value + 1;
  }
}
