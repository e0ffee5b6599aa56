package io.asyncws.benchmarks;

import io.asyncws.generator.AsyncApiReader;
import io.asyncws.generator.ReadResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * Load + resolve + validate + link of whole contracts, as {@code asyncws validate} runs them:
 * the largest corpus document (Slack RTM, about 1,000 lines) in each spec version, and the
 * multi-file social-media API.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
public class ContractReadBenchmark {
  @Param({
    "spec-v2.6.0/slack-rtm.yml",
    "spec-v3.0.0/slack-rtm-asyncapi.yml",
    "spec-v3.1.0/slack-rtm-asyncapi.yml",
    "spec-v3.0.0/social-media/backend/asyncapi.yaml"
  })
  public String document;

  private Path file;

  @Setup
  public void locate() {
    Path corpus = Path.of(System.getProperty("asyncws.corpus", "generator/src/test/resources/corpus"));
    file = corpus.resolve(document);
    if (!Files.isRegularFile(file)) {
      throw new IllegalStateException(
          file.toAbsolutePath() + " not found: run from the repository root or set -Dasyncws.corpus");
    }
  }

  @Benchmark
  public ReadResult readAndValidate() {
    ReadResult result = AsyncApiReader.read(file, AsyncApiReader.Options.defaults());
    if (!result.isValid()) throw new IllegalStateException(result.diagnostics().toString());
    return result;
  }
}
