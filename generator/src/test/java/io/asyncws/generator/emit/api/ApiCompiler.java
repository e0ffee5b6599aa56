package io.asyncws.generator.emit.api;

import com.palantir.javapoet.JavaFile;
import io.asyncws.generator.AsyncApiReader;
import io.asyncws.generator.ReadResult;
import io.asyncws.generator.model.ApiModel;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.MalformedURLException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import javax.tools.Diagnostic;
import javax.tools.DiagnosticCollector;
import javax.tools.JavaCompiler;
import javax.tools.JavaFileObject;
import javax.tools.StandardJavaFileManager;
import javax.tools.ToolProvider;

/**
 * Generates code from a document and compiles it in-process with {@code -Xlint:all -Werror}, the
 * way the build compiles our own code, against this test's class path (runtime + Jackson).
 */
final class ApiCompiler {
  private ApiCompiler() {}

  /** Reads a document that must be valid. */
  static ApiModel read(Path document) {
    ReadResult result = AsyncApiReader.read(document, AsyncApiReader.Options.defaults());
    return result.model().orElseThrow(() -> new AssertionError("invalid document " + document + ": "
        + result.diagnostics()));
  }

  /** Generates every part of {@code document} into {@code dir}/src; returns the files written. */
  static List<Path> generate(Path document, String pkg, SourceGenerator.Parts parts, Perspective perspective,
      Path dir) {
    List<JavaFile> files = SourceGenerator.generate(read(document), pkg, parts, perspective,
        document.getFileName().toString());
    List<Path> written = new ArrayList<>();
    try {
      for (JavaFile f : files) written.add(f.writeToPath(dir.resolve("src")));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return written;
  }

  /**
   * Compiles {@code sources} into {@code dir}/classes and loads them.
   *
   * @throws AssertionError listing every diagnostic when there is any error or warning
   */
  static ClassLoader compile(List<Path> sources, Path dir) {
    JavaCompiler compiler = ToolProvider.getSystemJavaCompiler();
    DiagnosticCollector<JavaFileObject> diagnostics = new DiagnosticCollector<>();
    Path classes = dir.resolve("classes");
    try (StandardJavaFileManager files = compiler.getStandardFileManager(diagnostics, Locale.ROOT, null)) {
      Files.createDirectories(classes);
      List<String> options = List.of("-Xlint:all", "-Werror", "--release", "17", "-proc:none",
          "-classpath", System.getProperty("java.class.path"), "-d", classes.toString());
      boolean ok = compiler.getTask(null, files, diagnostics, options, null,
          files.getJavaFileObjectsFromPaths(sources)).call();
      List<Diagnostic<? extends JavaFileObject>> problems = diagnostics.getDiagnostics().stream()
          .filter(d -> d.getKind() != Diagnostic.Kind.NOTE).toList();
      if (!ok || !problems.isEmpty()) {
        throw new AssertionError("generated code does not compile cleanly:\n" + problems.stream()
            .map(d -> d.getSource() == null ? d.getMessage(Locale.ROOT)
                : Path.of(d.getSource().toUri()).getFileName() + ":" + d.getLineNumber() + ": "
                    + d.getMessage(Locale.ROOT))
            .collect(Collectors.joining("\n")));
      }
      return new URLClassLoader(new URL[] {classes.toUri().toURL()}, ApiCompiler.class.getClassLoader());
    } catch (MalformedURLException e) {
      throw new AssertionError(e);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Every {@code .java} file under {@code dir}. */
  static List<Path> javaFiles(Path dir) {
    try (Stream<Path> walk = Files.walk(dir)) {
      return walk.filter(p -> p.toString().endsWith(".java")).sorted().toList();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
