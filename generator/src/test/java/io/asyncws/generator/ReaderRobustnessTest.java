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
 * Broken variants of every single-file corpus document go through the whole pipeline without an
 * exception: the linker and the semantic checks must cope with whatever the structure phase has
 * already reported. Each variant changes one line: removed, its value turned into another type, or
 * its YAML broken; lines are sampled evenly so the test stays fast on long documents.
 */
@Timeout(value = 120, unit = TimeUnit.SECONDS)
class ReaderRobustnessTest {
  private static final int LINES_PER_DOCUMENT = 8;
  private static final List<String> REPLACEMENT_VALUES = List.of("[1, 2]", "{}", "42", "null");

  @TempDir Path dir;

  static Stream<Path> singleFileDocuments() {
    return ReaderTestSupport.corpusDocuments().stream().filter(p -> !p.toString().contains("social-media"));
  }

  @ParameterizedTest
  @MethodSource("singleFileDocuments")
  void brokenVariantsAreReportedNeverThrown(Path document) throws IOException {
    List<String> lines = Files.readAllLines(document);
    int step = Math.max(1, lines.size() / LINES_PER_DOCUMENT);
    for (int i = 1; i < lines.size(); i += step) {
      for (String variant : variants(lines, i)) {
        Path file = dir.resolve(document.getFileName());
        Files.writeString(file, variant);
        ReadResult result;
        try {
          result = AsyncApiReader.read(file, AsyncApiReader.Options.defaults());
        } catch (RuntimeException e) {
          throw new AssertionError("reading " + document + " with line " + (i + 1) + " changed threw", e);
        }
        for (Diagnostic d : result.diagnostics()) {
          assertTrue(d.location().line() >= 1 && d.location().column() >= 1, d::toString);
        }
      }
    }
  }

  private static List<String> variants(List<String> lines, int index) {
    List<String> out = new ArrayList<>();
    List<String> removed = new ArrayList<>(lines);
    removed.remove(index);
    out.add(String.join("\n", removed));
    String line = lines.get(index);
    int colon = line.indexOf(": ");
    if (colon > 0) {
      String value = REPLACEMENT_VALUES.get(index % REPLACEMENT_VALUES.size());
      List<String> retyped = new ArrayList<>(lines);
      retyped.set(index, line.substring(0, colon + 2) + value);
      out.add(String.join("\n", retyped));
    }
    List<String> broken = new ArrayList<>(lines);
    broken.set(index, line + " ]: [");
    out.add(String.join("\n", broken));
    return out;
  }
}
