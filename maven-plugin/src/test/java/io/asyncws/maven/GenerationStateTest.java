package io.asyncws.maven;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

@Timeout(30)
class GenerationStateTest {
  @TempDir Path dir;

  @Test
  void stateReadsBackAsWritten() throws IOException {
    GenerationState state = stateOf("com/example/A.java", "class A {}");
    Path file = dir.resolve("state/default.sha256");
    state.write(file);
    assertEquals(state, GenerationState.read(file).orElseThrow());
  }

  @Test
  void missingOrTruncatedStateIsNoState() throws IOException {
    Path file = dir.resolve("default.sha256");
    assertTrue(GenerationState.read(file).isEmpty());
    Files.writeString(file, "file 00 com/example/A.java\n", StandardCharsets.UTF_8);
    assertTrue(GenerationState.read(file).isEmpty());
  }

  @Test
  void outputsAreNotIntactOnceAFileIsEditedOrDeleted() throws IOException {
    GenerationState state = stateOf("com/example/A.java", "class A {}");
    assertTrue(state.intact());
    Files.writeString(out().resolve("com/example/A.java"), "class A { int edited; }", StandardCharsets.UTF_8);
    assertFalse(state.intact());
    Files.delete(out().resolve("com/example/A.java"));
    assertFalse(state.intact());
  }

  @Test
  void deletingRemovesListedFilesAndEmptiedPackagesOnly() throws IOException {
    GenerationState state = stateOf("com/example/a/A.java", "class A {}");
    Path neighbour = out().resolve("com/example/b/B.java");
    Files.createDirectories(neighbour.getParent());
    Files.writeString(neighbour, "class B {}", StandardCharsets.UTF_8);

    state.deleteFiles();

    assertFalse(Files.exists(out().resolve("com/example/a")));
    assertTrue(Files.isRegularFile(neighbour));
    assertTrue(Files.isDirectory(out()));
  }

  private GenerationState stateOf(String relative, String text) throws IOException {
    Path file = out().resolve(relative);
    Files.createDirectories(file.getParent());
    Files.writeString(file, text, StandardCharsets.UTF_8);
    return new GenerationState("abc", out(), Map.of(relative, Sha256.ofFile(file)));
  }

  private Path out() {
    return dir.resolve("out");
  }
}
