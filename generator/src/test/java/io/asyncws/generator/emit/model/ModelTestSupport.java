package io.asyncws.generator.emit.model;

import static org.junit.jupiter.api.Assertions.assertTrue;

import io.asyncws.generator.ReadResult;
import io.asyncws.generator.ReaderTestSupport;
import io.asyncws.generator.emit.GeneratedFile;
import io.asyncws.generator.emit.JavaCompilerHarness;
import io.asyncws.generator.model.ApiModel;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

/** Reads a document, generates its models and compiles them. */
final class ModelTestSupport {
  private ModelTestSupport() {}

  static final String PACKAGE = "com.example.api";

  static ApiModel model(Path document) {
    ReadResult result = ReaderTestSupport.read(document);
    assertTrue(result.model().isPresent(), () -> document + " is invalid: " + result.diagnostics());
    return result.model().get();
  }

  static List<GeneratedFile> generate(Path document) {
    return GeneratedFile.ofAll(ModelTypes.of(model(document), PACKAGE).emit());
  }

  /** Generates and compiles; fails the test with javac's messages when it does not compile. */
  static JavaCompilerHarness.Result compile(Path document, Path workDir) throws IOException {
    List<GeneratedFile> files = generate(document);
    JavaCompilerHarness.Result result = JavaCompilerHarness.compile(files, workDir);
    assertTrue(result.success(), () -> document + " models do not compile:\n" + result.report());
    return result;
  }
}
