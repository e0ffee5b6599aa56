package io.asyncws.maven;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.asyncws.generator.emit.api.Perspective;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

@Timeout(30)
class InputDigestTest {
  private static final String CONTRACT = String.join("\n",
      "asyncapi: 3.0.0",
      "info: {title: T, version: '1'}",
      "channels:",
      "  c:",
      "    address: /c",
      "    messages:",
      "      m: {payload: {$ref: 'schemas.yaml#/M'}}",
      "");
  private static final String SCHEMAS = "M: {type: object, properties: {a: {type: string}}}\n";

  @TempDir Path dir;

  @BeforeEach
  void writeContractAndTheFileItReferences() throws IOException {
    write("api.yaml", CONTRACT);
    write("schemas.yaml", SCHEMAS);
  }

  @Test
  void digestChangesWhenOnlyAReferencedFileChanges() throws IOException {
    GenerationConfig config = config("com.example");
    String before = InputDigest.compute(config, "g1").orElseThrow();
    write("schemas.yaml", SCHEMAS.replace("a:", "b:"));
    assertNotEquals(before, InputDigest.compute(config, "g1").orElseThrow());
  }

  @Test
  void digestIgnoresFilesTheContractDoesNotReference() throws IOException {
    GenerationConfig config = config("com.example");
    String before = InputDigest.compute(config, "g1").orElseThrow();
    write("unrelated.yaml", "x: 1\n");
    assertEquals(before, InputDigest.compute(config, "g1").orElseThrow());
  }

  @Test
  void digestChangesWithTheConfigurationAndTheGenerator() throws IOException {
    String base = InputDigest.compute(config("com.example"), "g1").orElseThrow();
    assertNotEquals(base, InputDigest.compute(config("com.other"), "g1").orElseThrow());
    assertNotEquals(base, InputDigest.compute(config("com.example"), "g2").orElseThrow());
  }

  @Test
  void digestIsUnknownWhenAReferencedFileIsMissing() throws IOException {
    Files.delete(dir.resolve("schemas.yaml"));
    assertTrue(InputDigest.compute(config("com.example"), "g1").isEmpty());
  }

  private GenerationConfig config(String packageName) {
    return new GenerationConfig(dir.resolve("api.yaml"), dir.resolve("out"), packageName, packageName,
        true, true, true, Perspective.SERVER, false);
  }

  private void write(String name, String text) throws IOException {
    Files.writeString(dir.resolve(name), text, StandardCharsets.UTF_8);
  }
}
