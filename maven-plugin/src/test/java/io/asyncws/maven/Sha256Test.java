package io.asyncws.maven;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

@Timeout(30)
class Sha256Test {
  @TempDir Path dir;

  @Test
  void rebuiltJarWithTheSameClassesKeepsItsDigest() throws IOException {
    Path first = jar("first.jar", 1_000_000_000_000L, "class A");
    Path rebuilt = jar("rebuilt.jar", 1_700_000_000_000L, "class A");
    assertEquals(Sha256.ofContents(first), Sha256.ofContents(rebuilt));
  }

  @Test
  void jarWithChangedClassesGetsAnotherDigest() throws IOException {
    Path first = jar("first.jar", 1_000_000_000_000L, "class A");
    Path changed = jar("changed.jar", 1_000_000_000_000L, "class A changed");
    assertNotEquals(Sha256.ofContents(first), Sha256.ofContents(changed));
  }

  private Path jar(String name, long entryTime, String content) throws IOException {
    Path jar = dir.resolve(name);
    try (OutputStream file = Files.newOutputStream(jar); ZipOutputStream zip = new ZipOutputStream(file)) {
      ZipEntry entry = new ZipEntry("io/asyncws/A.class");
      entry.setTime(entryTime);
      zip.putNextEntry(entry);
      zip.write(content.getBytes(StandardCharsets.UTF_8));
      zip.closeEntry();
    }
    return jar;
  }
}
