package io.asyncws.generator.bind;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.asyncws.generator.diagnostic.Diagnostics;
import io.asyncws.generator.tree.MappingNode;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.Optional;

/**
 * Binds a document to {@code com.asyncapi:asyncapi-core}: 2.0-2.6 with the 2.6 model, 3.0 with
 * the 3.0 model, 3.1 with the 3.0 model after rewriting its version field (every 3.1 addition the
 * corpus uses is shape-compatible with the 3.0 classes).
 *
 * <p>Why the linker does not work from these objects: they have no source positions, and every
 * place where the spec allows a Reference Object is typed {@code Object} (a {@code Reference}, a
 * map, or the model class, depending on the deserializer), so walking them means {@code
 * instanceof} chains that still need the tree for positions. Binding runs as an independent check
 * that the library reads the document.
 *
 * <p>Its failures are <em>warnings</em>: binding runs only on documents that passed the
 * specification's own JSON Schema, so a failure is a limit of the library (it rejects schema
 * keywords outside its classes, such as {@code summary} or a parser test's {@code test: true}),
 * not an error in the document, and nothing generated depends on the bound objects.
 */
public final class AsyncApiBinder {
  private static final ObjectMapper MAPPER = new ObjectMapper()
      // Unknown fields are the structure validator's business, with better messages.
      .configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false);

  /** Guards the swap of {@link System#err} (see {@link #quietly}). */
  private static final Object STDERR_LOCK = new Object();

  private AsyncApiBinder() {}

  /**
   * Binds the entry document. A failure becomes one warning at the position Jackson stopped on.
   *
   * @param root the entry document's root, {@code $ref}s not inlined (the library models them)
   * @param diagnostics where a binding failure goes
   * @return the bound document, empty when the library cannot read it
   */
  public static Optional<BoundDocument> bind(MappingNode root, Diagnostics diagnostics) {
    ObjectNode json = (ObjectNode) TreeToJson.convert(root);
    String version = json.path("asyncapi").asText("");
    String hint = "the document follows the AsyncAPI " + version
        + " schema; this is a limit of the asyncapi-core library and does not affect asyncws";
    try {
      Swallowed swallowed = new Swallowed();
      BoundDocument bound = quietly(swallowed, () -> {
        if (version.startsWith("2.")) {
          return new BoundDocument.V2(MAPPER.treeToValue(json, com.asyncapi.v2._6_0.model.AsyncAPI.class));
        }
        boolean is31 = version.startsWith("3.1");
        if (is31) json.put("asyncapi", "3.0.0");
        return new BoundDocument.V3(MAPPER.treeToValue(json, com.asyncapi.v3._0_0.model.AsyncAPI.class), is31);
      });
      if (swallowed.text != null) {
        String line = firstLine(swallowed.text);
        diagnostics.warning(JsonPaths.locateNamedKey(root, line),
            "The asyncapi-core library skipped part of the document: "
                + line.replaceFirst("^[\\w.$]+Exception: ", ""), hint);
      }
      return Optional.of(bound);
    } catch (JsonMappingException e) {
      String where = JsonPaths.describe(e.getPath());
      diagnostics.warning(
          JsonPaths.locate(root, e.getPath()),
          "The asyncapi-core library cannot read " + (where.isEmpty() ? "the document" : "'" + where + "'")
              + ": " + firstLine(e.getOriginalMessage()),
          hint);
    } catch (JsonProcessingException | RuntimeException e) {
      // The library's own deserializers throw plain runtime exceptions on shapes they do not expect.
      diagnostics.warning(root.location(),
          "The asyncapi-core library cannot read the document: " + firstLine(String.valueOf(e.getMessage())), hint);
    }
    return Optional.empty();
  }

  /** What the library printed instead of throwing. */
  private static final class Swallowed {
    String text;
  }

  private interface Binding {
    BoundDocument run() throws JsonProcessingException;
  }

  /**
   * Runs the binding with {@link System#err} captured: asyncapi-core's map and list deserializers
   * catch failures, call {@code printStackTrace()} and carry on, and a stack trace on the console
   * is exactly what the CLI promises never to show. The swap is global, hence the lock.
   */
  private static BoundDocument quietly(Swallowed swallowed, Binding binding) throws JsonProcessingException {
    synchronized (STDERR_LOCK) {
      PrintStream original = System.err;
      ByteArrayOutputStream captured = new ByteArrayOutputStream();
      System.setErr(new PrintStream(captured, true, StandardCharsets.UTF_8));
      try {
        return binding.run();
      } finally {
        System.setErr(original);
        if (captured.size() > 0) swallowed.text = captured.toString(StandardCharsets.UTF_8);
      }
    }
  }

  private static String firstLine(String text) {
    int newline = text.indexOf('\n');
    String line = (newline < 0 ? text : text.substring(0, newline)).strip();
    return line.length() > 300 ? line.substring(0, 300) + "..." : line;
  }
}
