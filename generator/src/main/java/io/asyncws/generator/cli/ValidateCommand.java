package io.asyncws.generator.cli;

import io.asyncws.generator.AsyncApiReader;
import io.asyncws.generator.ReadResult;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code asyncws validate FILE...}: reads each document and reports every problem. */
@Command(
    name = "validate",
    mixinStandardHelpOptions = true,
    description = "Checks AsyncAPI documents and prints every problem as FILE:LINE:COL: severity: message.",
    exitCodeListHeading = "Exit codes:%n",
    exitCodeList = {
      "0:valid (warnings allowed)",
      "1:at least one document has an error",
      "2:usage error",
      "3:internal error"
    })
final class ValidateCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Parameters(arity = "1..*", paramLabel = "FILE", description = "AsyncAPI documents (YAML or JSON).")
  List<Path> files;

  @Option(names = "--format", defaultValue = "text", description = "Output format: ${COMPLETION-CANDIDATES} (default: ${DEFAULT-VALUE}).")
  OutputFormat format;

  @Option(names = "--allow-remote-refs", description = "Fetch $refs to http(s) URLs (off by default: builds stay offline and reproducible).")
  boolean allowRemoteRefs;

  @Override
  public Integer call() {
    AsyncApiReader.Options options = AsyncApiReader.Options.defaults().withAllowRemoteRefs(allowRemoteRefs);
    List<ReadResult> results = new ArrayList<>();
    for (Path file : files) results.add(AsyncApiReader.read(file, options));
    DiagnosticPrinter printer = new DiagnosticPrinter(spec.commandLine().getOut());
    if (format == OutputFormat.json) {
      printer.printJson(results);
    } else {
      printer.printText(results);
    }
    return results.stream().allMatch(ReadResult::isValid) ? ExitCodes.VALID : ExitCodes.INVALID;
  }
}
