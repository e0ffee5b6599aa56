package io.asyncws.generator.emit;

import java.io.File;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import javax.tools.Diagnostic;
import javax.tools.DiagnosticCollector;
import javax.tools.JavaCompiler;
import javax.tools.JavaFileObject;
import javax.tools.StandardJavaFileManager;
import javax.tools.ToolProvider;

/**
 * Compiles generated sources in-process with the JDK compiler, the way the build compiles ours
 * ({@code --release 17 -Xlint:all -Werror}), against the test classpath (Jackson and the runtime),
 * into a temporary directory, and loads the classes for round trips.
 */
public final class JavaCompilerHarness {
  private JavaCompilerHarness() {}

  /**
   * What compiling gave.
   *
   * @param success whether javac succeeded (with {@code -Werror}: no warnings either)
   * @param diagnostics every message, one per line, {@code file:line: kind: message}
   * @param classes the output directory
   */
  public record Result(boolean success, List<String> diagnostics, Path classes) {

    /** A class loader over the compiled classes, parented by the test class loader. */
    public URLClassLoader loader() {
      try {
        return new URLClassLoader(
            new URL[] {classes.toUri().toURL()}, JavaCompilerHarness.class.getClassLoader());
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }

    /** The diagnostics and the source lines they point at, for assertion messages. */
    public String report() {
      return String.join("\n", diagnostics);
    }
  }

  /**
   * Compiles {@code files} (generated files, paths relative to a source root) into {@code workDir}.
   */
  public static Result compile(List<GeneratedFile> files, Path workDir) throws IOException {
    Path sources = Files.createDirectories(workDir.resolve("src"));
    Path classes = Files.createDirectories(workDir.resolve("classes"));
    List<File> paths = new ArrayList<>();
    for (GeneratedFile file : files) paths.add(file.writeTo(sources).toFile());
    if (paths.isEmpty()) return new Result(true, List.of(), classes); // javac refuses an empty run
    JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
    DiagnosticCollector<JavaFileObject> collector = new DiagnosticCollector<>();
    try (StandardJavaFileManager fm =
        javac.getStandardFileManager(collector, Locale.ROOT, StandardCharsets.UTF_8)) {
      List<String> options =
          List.of(
              "--release",
              "17",
              "-Xlint:all",
              "-Werror",
              "-encoding",
              "UTF-8",
              "-proc:none",
              "-implicit:none",
              "-classpath",
              System.getProperty("java.class.path"),
              "-d",
              classes.toString());
      StringWriter out = new StringWriter();
      boolean ok =
          javac
              .getTask(out, fm, collector, options, null, fm.getJavaFileObjectsFromFiles(paths))
              .call();
      List<String> messages = new ArrayList<>();
      for (Diagnostic<? extends JavaFileObject> d : collector.getDiagnostics()) {
        String where =
            d.getSource() == null
                ? ""
                : sources.relativize(Path.of(d.getSource().toUri()))
                    + ":"
                    + d.getLineNumber()
                    + ": ";
        messages.add(where + d.getKind() + ": " + d.getMessage(Locale.ROOT));
      }
      if (!out.toString().isBlank()) messages.add(out.toString().strip());
      return new Result(ok, messages, classes);
    }
  }
}
