package io.asyncws.generator;

import io.asyncws.generator.diagnostic.Diagnostic;
import io.asyncws.generator.diagnostic.Severity;
import io.asyncws.generator.model.ApiModel;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * What reading one document gave: the model when the document is valid, and every diagnostic.
 *
 * @param file the document as the user named it
 * @param model the linked model; present exactly when there are no errors (warnings allowed)
 * @param diagnostics every error and warning, sorted by file, line and column
 */
public record ReadResult(Path file, Optional<ApiModel> model, List<Diagnostic> diagnostics) {
  public ReadResult {
    diagnostics = List.copyOf(diagnostics);
  }

  /** Whether the document is valid: no errors. */
  public boolean isValid() {
    return errorCount() == 0;
  }

  /** How many errors. */
  public long errorCount() {
    return diagnostics.stream().filter(d -> d.severity() == Severity.ERROR).count();
  }

  /** How many warnings. */
  public long warningCount() {
    return diagnostics.stream().filter(d -> d.severity() == Severity.WARNING).count();
  }
}
