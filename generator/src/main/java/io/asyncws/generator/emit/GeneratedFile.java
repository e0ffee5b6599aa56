package io.asyncws.generator.emit;

import com.palantir.javapoet.JavaFile;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * One generated source file: where it goes below the output root and what it says.
 *
 * @param relativePath e.g. {@code com/example/api/Ping.java}, always with {@code /}
 * @param content the whole file, UTF-8 when written
 */
public record GeneratedFile(String relativePath, String content) {

  /** The file JavaPoet renders for {@code file}. */
  public static GeneratedFile of(JavaFile file) {
    String dir = file.packageName().isEmpty() ? "" : file.packageName().replace('.', '/') + "/";
    return new GeneratedFile(dir + file.typeSpec().name() + ".java", file.toString());
  }

  /** Renders every file, sorted by path, so callers see the same order on every run. */
  public static List<GeneratedFile> ofAll(List<JavaFile> files) {
    return files.stream()
        .map(GeneratedFile::of)
        .sorted(java.util.Comparator.comparing(GeneratedFile::relativePath))
        .toList();
  }

  /** Writes the file below {@code root}, creating directories; returns the path written. */
  public Path writeTo(Path root) throws IOException {
    Path target = root.resolve(relativePath);
    Files.createDirectories(target.getParent());
    Files.writeString(target, content, StandardCharsets.UTF_8);
    return target;
  }
}
