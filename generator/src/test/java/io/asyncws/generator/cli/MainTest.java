package io.asyncws.generator.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** The CLI run in-process: exit codes, gcc-style and JSON output, and no stack trace ever. */
@Timeout(value = 30, unit = TimeUnit.SECONDS)
class MainTest {
  private static final String CORPUS = "src/test/resources/corpus/";

  @TempDir Path dir;

  /** One run's exit code and output. */
  private record Run(int code, String out, String err) {
    List<String> outLines() {
      return out.lines().toList();
    }

    String lastLine() {
      List<String> lines = outLines();
      return lines.get(lines.size() - 1);
    }

    void assertNoStackTrace() {
      for (String text : List.of(out, err)) {
        assertFalse(text.contains("\tat "), () -> "stack trace printed:\n" + text);
        assertFalse(text.contains("Exception"), () -> "exception printed:\n" + text);
      }
    }
  }

  private static Run run(String... args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    int code = Main.run(args, new PrintWriter(out), new PrintWriter(err));
    Run run = new Run(code, out.toString(), err.toString());
    run.assertNoStackTrace();
    return run;
  }

  @Test
  void validDocumentExitsZeroAndPrintsOnlyTheSummary() {
    Run run = run("validate", CORPUS + "spec-v3.0.0/simple-asyncapi.yml");
    assertEquals(ExitCodes.VALID, run.code(), run::toString);
    assertEquals(List.of("0 errors, 0 warnings in 1 file"), run.outLines());
  }

  @Test
  void invalidDocumentPrintsGccStyleLineThenSummaryAndExitsOne() {
    Run run = run("validate", CORPUS + "synthetic/unknown-field.yml");
    assertEquals(ExitCodes.INVALID, run.code());
    assertTrue(run.outLines().get(0).matches(".*unknown-field\\.yml:4:19: error: .*'typoField'.*"), run::toString);
    assertEquals("1 error, 0 warnings in 1 file", run.lastLine());
  }

  @Test
  void warningsAloneKeepExitZeroAndAreCounted(@org.junit.jupiter.api.io.TempDir java.nio.file.Path dir)
      throws java.io.IOException {
    java.nio.file.Path unusedVariable = dir.resolve("unused-variable.yml");
    java.nio.file.Files.writeString(unusedVariable, """
        asyncapi: 3.0.0
        info: {title: t, version: '1'}
        servers:
          prod: {host: example.com, protocol: ws, variables: {region: {default: eu}}}
        """);
    Run run = run("validate", unusedVariable.toString(), CORPUS + "spec-v2.6.0/simple.yml");
    assertEquals(ExitCodes.VALID, run.code(), run::toString);
    assertTrue(run.outLines().get(0).contains(": warning: "), run::toString);
    assertEquals("0 errors, 1 warning in 2 files", run.lastLine());
  }

  @Test
  void oneInvalidFileAmongSeveralMakesTheRunInvalid() {
    Run run = run("validate", CORPUS + "spec-v2.6.0/simple.yml", CORPUS + "synthetic/unknown-field.yml");
    assertEquals(ExitCodes.INVALID, run.code());
    assertEquals("1 error, 0 warnings in 2 files", run.lastLine());
  }

  @Test
  void jsonFormatGivesOneObjectWithPositions() throws IOException {
    Run run = run("validate", "--format", "json", CORPUS + "synthetic/unknown-field.yml");
    assertEquals(ExitCodes.INVALID, run.code());
    JsonNode json = new ObjectMapper().readTree(run.out());
    assertFalse(json.get("valid").asBoolean());
    assertEquals(1, json.get("errors").asInt());
    JsonNode d = json.get("files").get(0).get("diagnostics").get(0);
    assertEquals(4, d.get("line").asInt());
    assertEquals(19, d.get("column").asInt());
    assertEquals("error", d.get("severity").asText());
    assertTrue(d.get("message").asText().contains("typoField"));
  }

  @Test
  void remoteRefErrorsNameTheFlag() {
    Run run = run("validate", CORPUS + "spec-v3.1.0/adeo-kafka-request-reply-asyncapi.yml");
    assertEquals(ExitCodes.INVALID, run.code());
    assertTrue(run.out().contains("--allow-remote-refs"), run::toString);
    assertEquals("2 errors, 0 warnings in 1 file", run.lastLine());
  }

  @Test
  void missingFileIsAnErrorNotACrash() {
    Run run = run("validate", dir.resolve("nope.yaml").toString());
    assertEquals(ExitCodes.INVALID, run.code(), run::toString);
    assertTrue(run.out().contains("nope.yaml"), run::toString);
  }

  @Test
  void noFileIsAUsageError() {
    Run run = run("validate");
    assertEquals(ExitCodes.USAGE, run.code());
    assertTrue(run.err().contains("FILE"), run::toString);
  }

  @Test
  void noSubcommandIsAUsageError() {
    assertEquals(ExitCodes.USAGE, run().code());
  }

  @Test
  void unknownOptionAndUnknownFormatAreUsageErrors() {
    assertEquals(ExitCodes.USAGE, run("validate", "--frobnicate", CORPUS + "spec-v2.6.0/simple.yml").code());
    assertEquals(ExitCodes.USAGE, run("validate", "--format", "xml", CORPUS + "spec-v2.6.0/simple.yml").code());
  }

  @Test
  void binaryGarbageIsAClearErrorAndNoStackTrace() throws IOException {
    byte[] garbage = new byte[64 * 1024];
    new Random(42).nextBytes(garbage); // fixed seed: the same garbage every run
    Path file = dir.resolve("garbage.yaml");
    Files.write(file, garbage);
    Run run = run("validate", file.toString());
    assertEquals(ExitCodes.INVALID, run.code(), run::toString);
    assertTrue(run.out().contains("garbage.yaml:"), run::toString);
  }

  @Test
  void yamlBombIsAClearErrorInBoundedTime() throws IOException {
    StringBuilder bomb = new StringBuilder("asyncapi: 3.0.0\na: &a [x, x, x, x, x, x, x, x, x, x]\n");
    for (char c = 'b'; c <= 'j'; c++) {
      char prev = (char) (c - 1);
      bomb.append(c).append(": &").append(c).append(" [")
          .append(String.join(", ", java.util.Collections.nCopies(10, "*" + prev))).append("]\n");
    }
    Path file = dir.resolve("bomb.yaml");
    Files.writeString(file, bomb);
    Run run = run("validate", file.toString());
    assertEquals(ExitCodes.INVALID, run.code(), run::toString);
    assertTrue(run.out().contains("bomb.yaml:"), run::toString);
  }

  @Test
  void deepNestingIsAClearError() throws IOException {
    Path file = dir.resolve("deep.json");
    Files.writeString(file, "[".repeat(100_000) + "]".repeat(100_000));
    Run run = run("validate", file.toString());
    assertEquals(ExitCodes.INVALID, run.code(), run::toString);
  }

  /** A command that fails the way a bug would. */
  @picocli.CommandLine.Command(name = "buggy")
  static final class BuggyCommand implements Runnable {
    @Override
    public void run() {
      throw new IllegalStateException("linker lost its way\nsecond line");
    }
  }

  @Test
  void aBugShowsAsOneInternalErrorLineWithExitThree() {
    StringWriter err = new StringWriter();
    int code = Main.run(new BuggyCommand(), new String[0], new PrintWriter(new StringWriter()), new PrintWriter(err));
    assertEquals(ExitCodes.INTERNAL, code);
    assertEquals("internal error: IllegalStateException: linker lost its way", err.toString().strip());
  }
}
