package io.asyncws.generator.load;

import io.asyncws.generator.diagnostic.Diagnostic;
import io.asyncws.generator.tree.SourceLocation;
import java.nio.file.Path;
import java.util.Locale;
import org.yaml.snakeyaml.error.Mark;
import org.yaml.snakeyaml.error.MarkedYAMLException;

/**
 * Rewrites snakeyaml's syntax errors ("mapping values are not allowed here") into sentences at our
 * positions. The common mistakes get a message that says what to do; the rest keep snakeyaml's
 * words, which are precise if terse.
 */
final class SyntaxErrors {

  private SyntaxErrors() {}

  static Diagnostic toDiagnostic(Path file, MarkedYAMLException e) {
    Mark mark = e.getProblemMark() != null ? e.getProblemMark() : e.getContextMark();
    SourceLocation location =
        mark == null ? new SourceLocation(file, 1, 1) : DocumentLoader.location(file, mark);
    String problem = e.getProblem() == null ? "" : e.getProblem();
    String lower = problem.toLowerCase(Locale.ROOT);
    if (lower.contains("\\t") || lower.contains("(tab)")) {
      return Diagnostic.error(
              location, "A tab character cannot be used here; YAML indents with spaces.")
          .withHint("replace the tab with spaces");
    }
    if (lower.startsWith("mapping values are not allowed")) {
      return Diagnostic.error(location, "A ':' here would start a mapping where none can start.")
          .withHint("check the indentation of this line, or quote a value that contains ': '");
    }
    if (lower.startsWith("could not find expected ':'")) {
      return Diagnostic.error(location, "A key is not followed by ':'.")
          .withHint("check the indentation, or close the quote or bracket opened before");
    }
    if (lower.startsWith("expected <block end>")) {
      return Diagnostic.error(
              location, "This line is indented differently from the lines it belongs with.")
          .withHint("indent it like its siblings, or check the indentation of the line above");
    }
    if (lower.startsWith("expected '<document start>'")) {
      return Diagnostic.error(location, "Something follows the end of the document's root value.")
          .withHint("remove it, or check the brackets and indentation before it");
    }
    if (lower.contains("that cannot start any token")) {
      return Diagnostic.error(
              location, "A value cannot start with this character unless it is quoted.")
          .withHint("quote the value");
    }
    if (lower.contains("unexpected end of stream")) {
      return Diagnostic.error(location, "The file ends inside a quoted string or an open bracket.")
          .withHint(context(e));
    }
    StringBuilder message = new StringBuilder("Syntax error: ").append(sentence(plain(problem)));
    String context = context(e);
    return context == null
        ? Diagnostic.error(location, message.toString())
        : Diagnostic.error(location, message.toString()).withHint(context);
  }

  /** snakeyaml's context ("while parsing a flow mapping") with the place it started. */
  private static String context(MarkedYAMLException e) {
    if (e.getContext() == null) return null;
    Mark mark = e.getContextMark();
    return mark == null
        ? e.getContext()
        : e.getContext() + " that started at line " + (mark.getLine() + 1) + ", column "
            + (mark.getColumn() + 1);
  }

  /** snakeyaml's token names in words: {@code <block mapping start>} means "a mapping". */
  private static final String[][] TOKEN_WORDS = {
    {"<block end>", "the end of the block"},
    {"<block mapping start>", "a mapping"},
    {"<block sequence start>", "a list"},
    {"<block entry>", "a list item '-'"},
    {"<flow mapping start>", "'{'"},
    {"<flow mapping end>", "'}'"},
    {"<flow sequence start>", "'['"},
    {"<flow sequence end>", "']'"},
    {"<flow entry>", "','"},
    {"<key>", "a key"},
    {"<value>", "a ':'"},
    {"<scalar>", "a value"},
    {"<alias>", "an alias"},
    {"<anchor>", "an anchor"},
    {"<tag>", "a tag"},
    {"<document start>", "'---'"},
    {"<document end>", "'...'"},
    {"<stream end>", "the end of the file"},
  };

  private static String plain(String problem) {
    String text = problem.replace("but got", "but found");
    for (String[] words : TOKEN_WORDS) {
      text = text.replace("'" + words[0] + "'", words[1]).replace(words[0], words[1]);
    }
    return text;
  }

  private static String sentence(String text) {
    String trimmed = text.strip();
    if (trimmed.isEmpty()) return "the YAML parser gave no detail.";
    return trimmed.endsWith(".") ? trimmed : trimmed + ".";
  }
}
