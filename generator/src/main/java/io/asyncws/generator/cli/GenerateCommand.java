package io.asyncws.generator.cli;

import com.palantir.javapoet.JavaFile;
import io.asyncws.generator.AsyncApiReader;
import io.asyncws.generator.ReadResult;
import io.asyncws.generator.emit.api.Perspective;
import io.asyncws.generator.emit.api.SourceGenerator;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import javax.lang.model.SourceVersion;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * {@code asyncws generate SPEC -o DIR --package PKG}: writes the payload models and, for a
 * WebSocket API, the typed client and server, and lists every file it wrote.
 */
@Command(
    name = "generate",
    mixinStandardHelpOptions = true,
    description = "Generates Java 17 sources from an AsyncAPI document: payload models, and a typed client and"
        + " server for WebSocket APIs.",
    exitCodeListHeading = "Exit codes:%n",
    exitCodeList = {
      "0:sources written (warnings allowed)",
      "1:the document has an error; nothing written",
      "2:usage error",
      "3:internal error"
    })
final class GenerateCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Parameters(index = "0", paramLabel = "SPEC", description = "The AsyncAPI document (YAML or JSON).")
  Path document;

  @Option(names = {"-o", "--output"}, required = true, paramLabel = "DIR",
      description = "The source root to write under (package folders are created).")
  Path output;

  @Option(names = "--package", required = true, paramLabel = "PKG", description = "The Java package, e.g. com.example.api.")
  String packageName;

  @ArgGroup(exclusive = true)
  Parts parts;

  @Option(names = "--perspective", defaultValue = "server", paramLabel = "SIDE",
      description = "Which application the document describes: server (default) or client.")
  String perspective;

  @Option(names = "--allow-remote-refs", description = "Fetch $refs to http(s) URLs (off by default: builds stay offline and reproducible).")
  boolean allowRemoteRefs;

  /** At most one of the part options. */
  static final class Parts {
    @Option(names = "--models-only", description = "Only the payload models.")
    boolean modelsOnly;

    @Option(names = "--client", description = "Models and the client only.")
    boolean client;

    @Option(names = "--server", description = "Models and the server only.")
    boolean server;

    SourceGenerator.Parts value() {
      return modelsOnly ? SourceGenerator.Parts.MODELS
          : client ? SourceGenerator.Parts.CLIENT
          : server ? SourceGenerator.Parts.SERVER : SourceGenerator.Parts.ALL;
    }
  }

  @Override
  public Integer call() throws IOException {
    if (!SourceVersion.isName(packageName)) {
      throw new ParameterException(spec.commandLine(), "'" + packageName + "' is not a Java package name.");
    }
    Perspective side = switch (perspective.toLowerCase(Locale.ROOT)) {
      case "server" -> Perspective.SERVER;
      case "client" -> Perspective.CLIENT;
      default -> throw new ParameterException(spec.commandLine(),
          "--perspective is 'server' or 'client', not '" + perspective + "'.");
    };
    ReadResult result = AsyncApiReader.read(document,
        AsyncApiReader.Options.defaults().withAllowRemoteRefs(allowRemoteRefs));
    PrintWriter out = spec.commandLine().getOut();
    if (!result.diagnostics().isEmpty() || result.model().isEmpty()) {
      new DiagnosticPrinter(out).printText(List.of(result));
    }
    if (result.model().isEmpty()) return ExitCodes.INVALID;
    Path name = document.getFileName();
    List<JavaFile> files = SourceGenerator.generate(result.model().get(), packageName,
        parts == null ? SourceGenerator.Parts.ALL : parts.value(), side, name == null ? "document" : name.toString());
    for (JavaFile file : files) out.println("wrote " + file.writeToPath(output));
    out.println(files.size() + (files.size() == 1 ? " file" : " files") + " written under " + output);
    return ExitCodes.VALID;
  }
}
