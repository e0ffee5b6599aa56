package io.asyncws.generator;

import io.asyncws.generator.diagnostic.Diagnostic;
import io.asyncws.generator.diagnostic.Severity;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/** Corpus paths and small helpers for tests that read whole documents. */
public final class ReaderTestSupport {
  /** The copied corpus; tests run with the module as working directory. */
  public static final Path CORPUS = Path.of("src/test/resources/corpus");
  /** Our documents that wrap corpus fragments. */
  public static final Path WRAPPERS = Path.of("src/test/resources/wrappers");

  private ReaderTestSupport() {}

  /** Reads a document with default options. */
  public static ReadResult read(Path file) {
    return AsyncApiReader.read(file, AsyncApiReader.Options.defaults());
  }

  /** Reads a corpus document by its path inside the corpus. */
  public static ReadResult readCorpus(String relative) {
    return read(CORPUS.resolve(relative));
  }

  /** The errors of a result. */
  public static List<Diagnostic> errors(ReadResult result) {
    return result.diagnostics().stream().filter(d -> d.severity() == Severity.ERROR).toList();
  }

  /**
   * Every corpus file that is an AsyncAPI document (has a top-level {@code asyncapi} field), sorted;
   * the others are fragments that documents reference.
   */
  public static List<Path> corpusDocuments() {
    try (Stream<Path> files = Files.walk(CORPUS)) {
      return files
          .filter(p -> p.toString().endsWith(".yml") || p.toString().endsWith(".yaml"))
          .filter(ReaderTestSupport::isDocument)
          .sorted()
          .toList();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static boolean isDocument(Path file) {
    try (Stream<String> lines = Files.lines(file)) {
      return lines.anyMatch(l -> l.startsWith("asyncapi:"));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
