package io.asyncws.generator.emit.api;

import static org.junit.jupiter.api.Assertions.assertTrue;

import io.asyncws.generator.ReaderTestSupport;
import io.asyncws.generator.model.ApiModel;
import io.asyncws.generator.model.Server;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every valid corpus document generates code (models, and client and server for WebSocket APIs)
 * that compiles with {@code -Xlint:all -Werror}, read from either perspective. The adeo documents
 * are left out: their remote Avro {@code $ref}s make them invalid by default.
 */
class CorpusApiCompileTest {
  @TempDir Path dir;

  static Stream<Path> documents() {
    return ReaderTestSupport.corpusDocuments().stream()
        .filter(p -> !p.getFileName().toString().startsWith("adeo-"))
        .filter(p -> !p.getFileName().toString().equals("unknown-field.yml"));
  }

  @ParameterizedTest
  @MethodSource("documents")
  @Timeout(value = 120, unit = TimeUnit.SECONDS)
  void corpusDocumentGeneratesCodeThatCompilesFromBothPerspectives(Path document) {
    ApiModel model = ApiCompiler.read(document);
    for (Perspective perspective : Perspective.values()) {
      Path out = dir.resolve(perspective.name());
      List<Path> files = ApiCompiler.generate(document, "com.example.api", SourceGenerator.Parts.ALL, perspective, out);
      if (model.servers().stream().anyMatch(Server::isWebSocket) && !model.operations().isEmpty()) {
        assertTrue(files.stream().anyMatch(f -> f.getFileName().toString().endsWith("Server.java")), "server: " + files);
        assertTrue(files.stream().anyMatch(f -> f.getFileName().toString().endsWith("Client.java")), "client: " + files);
      }
      if (!files.isEmpty()) ApiCompiler.compile(files, out);
    }
  }
}
