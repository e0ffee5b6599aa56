package io.asyncws.maven;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/** SHA-256 digests as lower-case hex, of bytes, files and whole directories. */
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
   * The digest of a jar or of a class-file directory: a plugin resolved from the reactor may be a
   * {@code target/classes} folder, whose files are hashed with their relative names, sorted, so
   * the result does not depend on the order the file system lists them.
   */
  static String ofFileOrTree(Path path) throws IOException {
    if (!Files.isDirectory(path)) return ofFile(path);
    MessageDigest digest = newDigest();
    List<Path> files;
    try (Stream<Path> walk = Files.walk(path)) {
      files = walk.filter(Files::isRegularFile).sorted().collect(Collectors.toList());
    }
    for (Path file : files) {
      digest.update(path.relativize(file).toString().getBytes(StandardCharsets.UTF_8));
      update(digest, file);
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
    byte[] buffer = new byte[8192];
    try (InputStream in = Files.newInputStream(file)) {
      for (int n = in.read(buffer); n >= 0; n = in.read(buffer)) digest.update(buffer, 0, n);
    }
  }

  private static String hex(MessageDigest digest) {
    return HexFormat.of().formatHex(digest.digest());
  }
}
