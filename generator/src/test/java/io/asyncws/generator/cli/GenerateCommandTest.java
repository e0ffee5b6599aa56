package io.asyncws.generator.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

@Timeout(value = 60, unit = TimeUnit.SECONDS)
class GenerateCommandTest {
  private static final Path ROOMS = Path.of("src/test/resources/api/chat-rooms.yml");
  @TempDir Path out;
  private final StringWriter stdout = new StringWriter();
  private final StringWriter stderr = new StringWriter();

  private int run(String... args) {
    return Main.run(args, new PrintWriter(stdout), new PrintWriter(stderr));
  }

  @Test
  void generateWritesModelsClientAndServerAndListsThem() {
    assertEquals(0, run("generate", ROOMS.toString(), "-o", out.toString(), "--package", "com.example.api"));
    Path pkg = out.resolve("com/example/api");
    assertTrue(Files.exists(pkg.resolve("ChatRoomsServer.java")), stdout.toString());
    assertTrue(Files.exists(pkg.resolve("ChatRoomsRoomsClient.java")));
    assertTrue(Files.exists(pkg.resolve("Say.java")));
    assertTrue(stdout.toString().contains("wrote " + pkg.resolve("ChatRoomsServer.java")), stdout.toString());
  }

  @Test
  void generateModelsOnlyWritesNoClientOrServer() {
    assertEquals(0, run("generate", ROOMS.toString(), "-o", out.toString(), "--package", "p", "--models-only"));
    assertTrue(Files.exists(out.resolve("p/Say.java")));
    assertFalse(Files.exists(out.resolve("p/ChatRoomsServer.java")));
  }

  @Test
  void generateClientOnlyWritesNoServer() {
    assertEquals(0, run("generate", ROOMS.toString(), "-o", out.toString(), "--package", "p", "--client"));
    assertTrue(Files.exists(out.resolve("p/ChatRoomsRoomsClient.java")));
    assertFalse(Files.exists(out.resolve("p/ChatRoomsServer.java")));
  }

  @Test
  void generateRejectsInvalidDocumentWithLocatedErrorAndExit1() {
    Path invalid = Path.of("src/test/resources/corpus/synthetic/unknown-field.yml");
    assertEquals(1, run("generate", invalid.toString(), "-o", out.toString(), "--package", "p"));
    assertTrue(stdout.toString().contains("typoField"), stdout.toString());
    assertFalse(Files.exists(out.resolve("p")));
  }

  @Test
  void generateRejectsBadPerspectiveAndExclusivePartsAsUsageErrors() {
    assertEquals(2, run("generate", ROOMS.toString(), "-o", out.toString(), "--package", "p", "--perspective", "peer"));
    assertEquals(2, run("generate", ROOMS.toString(), "-o", out.toString(), "--package", "p", "--client", "--server"));
    assertEquals(2, run("generate", ROOMS.toString(), "-o", out.toString(), "--package", "not a package"));
  }
}
