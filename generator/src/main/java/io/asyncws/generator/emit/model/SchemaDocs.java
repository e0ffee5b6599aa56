package io.asyncws.generator.emit.model;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.util.DefaultIndenter;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectWriter;
import com.palantir.javapoet.CodeBlock;
import io.asyncws.generator.emit.JavadocText;
import io.asyncws.generator.model.SchemaModel;

/** Javadoc for generated types from a schema's title, description, examples and location. */
final class SchemaDocs {
  private SchemaDocs() {}

  /** Two-space, {@code \n}-only pretty printing: the same bytes on every platform. */
  private static final ObjectWriter JSON =
      new ObjectMapper()
          .writer(new DefaultPrettyPrinter().withObjectIndenter(new DefaultIndenter("  ", "\n")));

  /**
   * The type's comment; {@code fallbackSummary} stands first when the schema has no title or
   * description.
   */
  static CodeBlock forType(SchemaModel s, String fallbackSummary) {
    CodeBlock.Builder doc = CodeBlock.builder();
    String summary =
        s.title() != null ? s.title() : s.description() == null ? fallbackSummary : null;
    if (summary != null) doc.add("$L\n", JavadocText.sanitize(summary));
    if (s.description() != null) {
      if (summary != null) doc.add("\n");
      doc.add("<p>$L\n", JavadocText.sanitize(s.description()));
    }
    for (Object example : s.examples()) {
      doc.add("\n<p>Example:\n<pre>\n$L\n</pre>\n", JavadocText.sanitize(json(example)));
    }
    // Text, not @Deprecated: with -Xlint:all -Werror every use of the type would stop the build.
    if (s.deprecated()) doc.add("\n<p><b>Deprecated</b> in the contract.\n");
    doc.add(
        "\n<p>Schema {@code $L} at {@code $L}.\n",
        JavadocText.sanitize(s.name()),
        JavadocText.location(s.location()));
    return doc.build();
  }

  /** One line describing a schema used as a property or variant: its title or description. */
  static String summary(SchemaModel s) {
    String text = s.description() != null ? s.description() : s.title();
    return text == null ? "" : JavadocText.sanitize(text);
  }

  /** A JSON value written as JSON. */
  static String json(Object value) {
    try {
      return JSON.writeValueAsString(value);
    } catch (JsonProcessingException e) {
      return String.valueOf(value);
    }
  }
}
