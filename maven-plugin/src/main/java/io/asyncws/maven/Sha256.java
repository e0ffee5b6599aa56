package io.asyncws.maven;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;

/** SHA-256 digests as lower-case hex, of bytes, files, and the contents of jars and directories. */
final class Sha256 {
  private Sha256() {}

  /** A fresh digest; every JDK has SHA-256, so its absence is a broken JDK, not a user error. */
  static MessageDigest newDigest() {
    try {
      return MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("This JDK has no SHA-256.", e);
    }
  }

  /** The digest of a file's bytes, streamed (a generator jar need not fit in a byte array). */
  static String ofFile(Path file) throws IOException {
    MessageDigest digest = newDigest();
    update(digest, file);
    return hex(digest);
  }

  /**
   * The digest of what a jar or a class-file directory holds: each file's relative name and
   * content, sorted by name. A jar's entry times are left out, so a module rebuilt from unchanged
   * sources (every reactor build rebuilds the generator's jar) keeps its digest; a plugin resolved
   * from the reactor may also be a {@code target/classes} folder.
   */
  static String ofContents(Path path) throws IOException {
    MessageDigest digest = newDigest();
    if (Files.isDirectory(path)) {
      List<Path> files;
      try (Stream<Path> walk = Files.walk(path)) {
        files = walk.filter(Files::isRegularFile).sorted().collect(Collectors.toList());
      }
      for (Path file : files) {
        digest.update(path.relativize(file).toString().replace('\\', '/').getBytes(StandardCharsets.UTF_8));
        update(digest, file);
      }
      return hex(digest);
    }
    try (ZipFile jar = new ZipFile(path.toFile())) {
      List<? extends ZipEntry> entries = jar.stream()
          .filter(e -> !e.isDirectory())
          .sorted(Comparator.comparing(ZipEntry::getName))
          .collect(Collectors.toList());
      for (ZipEntry entry : entries) {
        digest.update(entry.getName().getBytes(StandardCharsets.UTF_8));
        try (InputStream in = jar.getInputStream(entry)) {
          update(digest, in);
        }
      }
    }
    return hex(digest);
  }

  /** The digest of {@code bytes}. */
  static String of(byte[] bytes) {
    MessageDigest digest = newDigest();
    digest.update(bytes);
    return hex(digest);
  }

  private static void update(MessageDigest digest, Path file) throws IOException {
    try (InputStream in = Files.newInputStream(file)) {
      update(digest, in);
    }
  }

  private static void update(MessageDigest digest, InputStream in) throws IOException {
    byte[] buffer = new byte[8192];
    for (int n = in.read(buffer); n >= 0; n = in.read(buffer)) digest.update(buffer, 0, n);
  }

  private static String hex(MessageDigest digest) {
    return HexFormat.of().formatHex(digest.digest());
  }
}
