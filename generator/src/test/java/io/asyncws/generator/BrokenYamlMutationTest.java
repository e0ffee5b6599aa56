package io.asyncws.generator;

import static org.junit.jupiter.api.Assertions.assertTrue;

import io.asyncws.generator.diagnostic.Diagnostic;
import io.asyncws.generator.diagnostic.Severity;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Broken YAML in every single-file corpus document is an error at the line that was broken:
 * for sampled {@code key: plain value} lines, a stray {@code ": ["} after the value (a mapping
 * where none may start) and a tab in the indentation.
 */
@Timeout(value = 120, unit = TimeUnit.SECONDS)
class BrokenYamlMutationTest {
  /** A block mapping entry with a plain scalar value: the breakage lands on this line. */
  private static final Pattern PLAIN_ENTRY = Pattern.compile("^( *)[A-Za-z_$][\\w.$-]*: [A-Za-z0-9][^#:{}\\[\\]'\"]*$");
  private static final int LINES_PER_DOCUMENT = 6;

  @TempDir Path dir;

  static Stream<Path> singleFileDocuments() {
    return ReaderTestSupport.corpusDocuments().stream()
        .filter(p -> !p.toString().contains("social-media"));
  }

  @ParameterizedTest
  @MethodSource("singleFileDocuments")
  void brokenLineIsReportedAtItsLine(Path document) throws IOException {
    List<String> lines = Files.readAllLines(document);
    List<Integer> candidates = new ArrayList<>();
    for (int i = 0; i < lines.size(); i++) {
      if (PLAIN_ENTRY.matcher(lines.get(i)).matches()) candidates.add(i);
    }
    int step = Math.max(1, candidates.size() / LINES_PER_DOCUMENT);
    for (int c = 0; c < candidates.size(); c += step) {
      int index = candidates.get(c);
      String line = lines.get(index);
      assertErrorAtLine(document, lines, index, line + ": [");
      assertErrorAtLine(document, lines, index, "\t" + line);
    }
  }

  private void assertErrorAtLine(Path document, List<String> lines, int index, String broken)
      throws IOException {
    List<String> mutated = new ArrayList<>(lines);
    mutated.set(index, broken);
    Path file = dir.resolve(document.getFileName());
    Files.writeString(file, String.join("\n", mutated) + "\n");
    List<Diagnostic> errors =
        AsyncApiReader.read(file, AsyncApiReader.Options.defaults()).diagnostics().stream()
            .filter(d -> d.severity() == Severity.ERROR)
            .toList();
    int line = index + 1;
    assertTrue(
        errors.stream().anyMatch(d -> d.location().line() == line),
        () -> document + " with line " + line + " broken as '" + broken.strip() + "': errors " + errors);
  }
}
