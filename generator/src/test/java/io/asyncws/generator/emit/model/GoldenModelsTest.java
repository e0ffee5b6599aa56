package io.asyncws.generator.emit.model;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.asyncws.generator.emit.GeneratedFile;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Whole generated files compared with {@code src/test/resources/golden/<document>/}: a diff shows
 * every change to the output. Run with {@code -Dgolden.update=true} to rewrite them after an
 * intended change. (The corpus compile test compiles the same output with {@code -Werror}.)
 */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class GoldenModelsTest {
  private static final Path GOLDEN = Path.of("src/test/resources/golden");
  private static final boolean UPDATE = Boolean.getBoolean("golden.update");

  @ParameterizedTest
  @ValueSource(
      strings = {
        "src/test/resources/emit/models-edge-cases.yml",
        "src/test/resources/corpus/spec-v3.0.0/kraken-websocket-request-reply-multiple-channels-asyncapi.yml",
        "src/test/resources/corpus/spec-v3.0.0/websocket-gemini-asyncapi.yml",
        "src/test/resources/corpus/parser-js-mocks/circular-refs.yaml"
      })
  void generatedModelsMatchGoldenFiles(String document) throws IOException {
    Path source = Path.of(document);
    String name = source.getFileName().toString().replaceFirst("\\.ya?ml$", "");
    Path dir = GOLDEN.resolve(name);
    List<GeneratedFile> files = ModelTestSupport.generate(source);
    if (UPDATE) rewrite(dir, files);
    TreeMap<String, String> expected = read(dir);
    TreeMap<String, String> actual = new TreeMap<>();
    for (GeneratedFile f : files) actual.put(f.relativePath(), f.content());
    assertEquals(expected.keySet(), actual.keySet(), "generated file names of " + name);
    for (String path : expected.keySet()) assertEquals(expected.get(path), actual.get(path), path);
  }

  @Test
  void sameDocumentGivesByteIdenticalFiles() {
    Path document = Path.of("src/test/resources/emit/models-edge-cases.yml");
    List<GeneratedFile> first = ModelTestSupport.generate(document);
    List<GeneratedFile> second = ModelTestSupport.generate(document);
    assertEquals(first, second);
  }

  private static void rewrite(Path dir, List<GeneratedFile> files) throws IOException {
    if (Files.exists(dir)) {
      try (Stream<Path> old = Files.walk(dir)) {
        for (Path p : old.sorted(java.util.Comparator.reverseOrder()).toList()) Files.delete(p);
      }
    }
    for (GeneratedFile f : files) f.writeTo(dir);
  }

  private static TreeMap<String, String> read(Path dir) throws IOException {
    TreeMap<String, String> out = new TreeMap<>();
    if (!Files.exists(dir)) return out;
    try (Stream<Path> files = Files.walk(dir)) {
      for (Path p : files.filter(Files::isRegularFile).toList()) {
        out.put(
            dir.relativize(p).toString().replace('\\', '/'),
            Files.readString(p, StandardCharsets.UTF_8));
      }
    }
    return out;
  }
}
