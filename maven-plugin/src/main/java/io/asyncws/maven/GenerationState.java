package io.asyncws.maven;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * What one execution generated last time: the {@link InputDigest} it generated from, the output
 * folder, and each file it wrote with the file's own SHA-256. Kept per execution in {@code
 * target/asyncws/<executionId>.sha256}, so executions never share or overwrite each other's state
 * however their contracts are named.
 *
 * <p>The file list serves twice: a generated file that was deleted or edited makes the outputs no
 * longer {@link #intact()}, so the execution regenerates; and regenerating first deletes exactly
 * these files, so classes the contract no longer declares do not linger — without touching files
 * another execution wrote into the same output folder.
 *
 * @param inputDigest the checksum of contract, referenced documents, configuration and generator
 * @param output the source root the files were written under
 * @param files each written file, relative to {@code output} with {@code /} separators, to its
 *     SHA-256
 */
record GenerationState(String inputDigest, Path output, Map<String, String> files) {
  private static final String HEADER =
      "# asyncws-maven-plugin: what this execution generated last. Delete it to force regeneration.";
  private static final String INPUT = "input ";
  private static final String OUTPUT = "output ";
  private static final String FILE = "file ";

  GenerationState {
    files = Map.copyOf(files);
  }

  /** The state recorded at {@code stateFile}, empty if there is none or it cannot be read. */
  static Optional<GenerationState> read(Path stateFile) throws IOException {
    List<String> lines;
    try {
      lines = Files.readAllLines(stateFile, StandardCharsets.UTF_8);
    } catch (NoSuchFileException e) {
      return Optional.empty();
    }
    String input = null;
    Path output = null;
    Map<String, String> files = new TreeMap<>();
    for (String line : lines) {
      if (line.startsWith(INPUT)) {
        input = line.substring(INPUT.length());
      } else if (line.startsWith(OUTPUT)) {
        output = Path.of(line.substring(OUTPUT.length()));
      } else if (line.startsWith(FILE)) {
        String[] hashAndPath = line.substring(FILE.length()).split(" ", 2);
        if (hashAndPath.length != 2) return Optional.empty();
        files.put(hashAndPath[1], hashAndPath[0]);
      }
    }
    // A truncated or hand-edited state is no state: the execution regenerates.
    if (input == null || output == null) return Optional.empty();
    return Optional.of(new GenerationState(input, output, files));
  }

  /** Writes this state to {@code stateFile}, creating its folder. */
  void write(Path stateFile) throws IOException {
    List<String> lines = new ArrayList<>();
    lines.add(HEADER);
    lines.add(INPUT + inputDigest);
    lines.add(OUTPUT + output);
    new TreeMap<>(files).forEach((path, hash) -> lines.add(FILE + hash + " " + path));
    Files.createDirectories(stateFile.getParent());
    Files.write(stateFile, lines, StandardCharsets.UTF_8);
  }

  /** Whether every file listed is still there with the content that was written. */
  boolean intact() throws IOException {
    for (Map.Entry<String, String> file : files.entrySet()) {
      Path path = output.resolve(file.getKey());
      if (!Files.isRegularFile(path) || !Sha256.ofFile(path).equals(file.getValue())) return false;
    }
    return true;
  }

  /**
   * Deletes the files this state lists, and the package folders that leaves empty, up to but not
   * including the output folder.
   */
  void deleteFiles() throws IOException {
    Path root = output.toAbsolutePath().normalize();
    for (String relative : files.keySet()) {
      Path file = root.resolve(relative).normalize();
      // The state file is ours, but it is still a file on disk: never delete outside the root.
      if (!file.startsWith(root)) continue;
      Files.deleteIfExists(file);
      for (Path dir = file.getParent(); dir != null && dir.startsWith(root) && !dir.equals(root);
          dir = dir.getParent()) {
        if (!isEmptyDirectory(dir)) break;
        Files.delete(dir);
      }
    }
  }

  private static boolean isEmptyDirectory(Path dir) throws IOException {
    if (!Files.isDirectory(dir)) return false;
    try (var entries = Files.list(dir)) {
      return entries.findAny().isEmpty();
    }
  }
}
