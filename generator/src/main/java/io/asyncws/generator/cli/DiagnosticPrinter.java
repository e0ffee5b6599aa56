package io.asyncws.generator.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.asyncws.generator.ReadResult;
import io.asyncws.generator.diagnostic.Diagnostic;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.util.List;

/** Prints read results as gcc-style lines with a summary, or as one JSON object. */
final class DiagnosticPrinter {
  private static final ObjectMapper JSON = new ObjectMapper();

  private final PrintWriter out;

  DiagnosticPrinter(PrintWriter out) {
    this.out = out;
  }

  /** {@code FILE:LINE:COL: error: message (hint)} per diagnostic, then {@code 2 errors, 1 warning in 1 file}. */
  void printText(List<ReadResult> results) {
    for (ReadResult r : results) for (Diagnostic d : r.diagnostics()) out.println(d);
    out.println(summary(results));
    out.flush();
  }

  /**
   * {@code {"valid": bool, "errors": n, "warnings": n, "files": [{"file", "valid", "diagnostics":
   * [{"file", "line", "column", "severity", "message", "hint"}]}]}}.
   */
  void printJson(List<ReadResult> results) {
    ObjectNode root = JSON.createObjectNode();
    root.put("valid", results.stream().allMatch(ReadResult::isValid));
    root.put("errors", results.stream().mapToLong(ReadResult::errorCount).sum());
    root.put("warnings", results.stream().mapToLong(ReadResult::warningCount).sum());
    ArrayNode files = root.putArray("files");
    for (ReadResult r : results) {
      ObjectNode file = files.addObject();
      file.put("file", r.file().toString());
      file.put("valid", r.isValid());
      ArrayNode diagnostics = file.putArray("diagnostics");
      for (Diagnostic d : r.diagnostics()) {
        ObjectNode j = diagnostics.addObject();
        j.put("file", d.location().file().toString());
        j.put("line", d.location().line());
        j.put("column", d.location().column());
        j.put("severity", d.severity().label());
        j.put("message", d.message());
        if (d.hint() != null) j.put("hint", d.hint());
      }
    }
    try {
      out.println(JSON.writerWithDefaultPrettyPrinter().writeValueAsString(root));
    } catch (JsonProcessingException e) {
      throw new UncheckedIOException(e);
    }
    out.flush();
  }

  /** {@code 2 errors, 1 warning in 1 file}. */
  static String summary(List<ReadResult> results) {
    long errors = results.stream().mapToLong(ReadResult::errorCount).sum();
    long warnings = results.stream().mapToLong(ReadResult::warningCount).sum();
    return plural(errors, "error") + ", " + plural(warnings, "warning") + " in " + plural(results.size(), "file");
  }

  private static String plural(long n, String word) {
    return n + " " + word + (n == 1 ? "" : "s");
  }
}
