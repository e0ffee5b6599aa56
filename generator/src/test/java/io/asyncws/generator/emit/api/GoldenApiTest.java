package io.asyncws.generator.emit.api;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.palantir.javapoet.JavaFile;
import io.asyncws.generator.ReaderTestSupport;
import io.asyncws.generator.emit.model.ModelTypes;
import io.asyncws.generator.model.ApiModel;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The generated client and server of representative documents, compared whole with files under
 * {@code src/test/resources/api/golden}: a diff there shows every change to the output. Run with
 * {@code -Dasyncws.updateGolden=true} to rewrite them after an intended change, then review the
 * diff. (The payload models have their own golden files.)
 */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class GoldenApiTest {
  private static final Path GOLDEN = Path.of("src/test/resources/api/golden");
  private static final boolean UPDATE = Boolean.getBoolean("asyncws.updateGolden");

  @ParameterizedTest(name = "{1}")
  @CsvSource({
    "spec-v3.0.0/kraken-websocket-request-reply-multiple-channels-asyncapi.yml, kraken, SERVER",
    "synthetic/v310-ws.yml, v310-ws-client-perspective, CLIENT",
    "../api/chat-rooms.yml, chat-rooms, SERVER",
  })
  void generatedApiMatchesGoldenFilesAndIsDeterministic(String document, String golden, Perspective perspective)
      throws IOException {
    Path file = ReaderTestSupport.CORPUS.resolve(document).normalize();
    List<JavaFile> first = emit(file, perspective);
    assertEquals(render(first), render(emit(file, perspective)), "same input, same output");
    Path dir = GOLDEN.resolve(golden);
    for (JavaFile f : first) {
      Path expected = dir.resolve(f.typeSpec().name() + ".java");
      if (UPDATE) {
        Files.createDirectories(dir);
        Files.writeString(expected, f.toString(), StandardCharsets.UTF_8);
      }
      assertEquals(Files.readString(expected, StandardCharsets.UTF_8), f.toString(), expected.toString());
    }
    try (var listing = Files.list(dir)) {
      assertEquals(first.size(), listing.count(), "no stale golden files in " + dir);
    }
  }

  private static List<JavaFile> emit(Path document, Perspective perspective) {
    ApiModel model = ApiCompiler.read(document);
    ModelTypes models = ModelTypes.of(model, "com.example.api");
    return ApiEmitter.emit(model, new ApiEmitter.Options("com.example.api", perspective, true, true,
        document.getFileName().toString()), models::typeOf);
  }

  private static String render(List<JavaFile> files) {
    StringBuilder all = new StringBuilder();
    for (JavaFile f : files) all.append(f);
    return all.toString();
  }
}
