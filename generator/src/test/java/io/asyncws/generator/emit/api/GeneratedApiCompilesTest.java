package io.asyncws.generator.emit.api;

import io.asyncws.generator.ReaderTestSupport;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Generated clients and servers compile with -Xlint:all -Werror from both perspectives. */
@Timeout(value = 120, unit = TimeUnit.SECONDS)
class GeneratedApiCompilesTest {
  @TempDir Path dir;

  @ParameterizedTest(name = "{0} read as {1}")
  @CsvSource({
    "spec-v3.0.0/kraken-websocket-request-reply-multiple-channels-asyncapi.yml, SERVER",
    "spec-v3.0.0/kraken-websocket-request-reply-multiple-channels-asyncapi.yml, CLIENT",
    "synthetic/v310-ws.yml, SERVER",
    "synthetic/v310-ws.yml, CLIENT",
  })
  void clientAndServerCompileFromBothPerspectives(String document, Perspective perspective) {
    ApiCompiler.generate(ReaderTestSupport.CORPUS.resolve(document), "com.example.api",
        SourceGenerator.Parts.ALL, perspective, dir);
    ApiCompiler.compile(ApiCompiler.javaFiles(dir.resolve("src")), dir);
  }
}
