package io.asyncws.generator.bind;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.asyncws.generator.diagnostic.Diagnostics;
import io.asyncws.generator.tree.MappingNode;
import java.util.Optional;

/**
 * Binds a document to {@code com.asyncapi:asyncapi-core}: 2.0-2.6 with the 2.6 model, 3.0 with
 * the 3.0 model, 3.1 with the 3.0 model after rewriting its version field (every 3.1 addition the
 * corpus uses is shape-compatible with the 3.0 classes; see the issue note).
 *
 * <p>Why the linker does not work from these objects: they have no source positions, and every
 * place where the spec allows a Reference Object is typed {@code Object} (a {@code Reference}, a
 * {@code LinkedHashMap}, or the model class, depending on the deserializer), so walking them is
 * {@code instanceof} chains that still need the tree for positions. Binding is kept as an
 * independent check that the library accepts the document, and its failures are reported at the
 * node Jackson stopped on.
 */
public final class AsyncApiBinder {
  private static final ObjectMapper MAPPER = new ObjectMapper()
      // Unknown fields are the structure validator's business, with better messages.
      .configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false);

  private AsyncApiBinder() {}

  /**
   * Binds the entry document. A failure becomes one error at the position Jackson stopped on.
   *
   * @param root the entry document's root, {@code $ref}s not inlined (the library models them)
   * @param diagnostics where a binding failure goes
   * @return the bound document, empty when the library cannot read it
   */
  public static Optional<BoundDocument> bind(MappingNode root, Diagnostics diagnostics) {
    ObjectNode json = (ObjectNode) TreeToJson.convert(root);
    String version = json.path("asyncapi").asText("");
    try {
      if (version.startsWith("2.")) {
        return Optional.of(new BoundDocument.V2(
            MAPPER.treeToValue(json, com.asyncapi.v2._6_0.model.AsyncAPI.class)));
      }
      boolean is31 = version.startsWith("3.1");
      if (is31) json.put("asyncapi", "3.0.0");
      return Optional.of(new BoundDocument.V3(
          MAPPER.treeToValue(json, com.asyncapi.v3._0_0.model.AsyncAPI.class), is31));
    } catch (JsonMappingException e) {
      String where = JsonPaths.describe(e.getPath());
      diagnostics.error(
          JsonPaths.locate(root, e.getPath()),
          "The AsyncAPI model library cannot read " + (where.isEmpty() ? "the document" : "'" + where + "'")
              + ": " + firstLine(e.getOriginalMessage()),
          "check the type of this value against the AsyncAPI " + version + " specification");
    } catch (JsonProcessingException | RuntimeException e) {
      // The library's own deserializers throw plain runtime exceptions on shapes they do not expect.
      diagnostics.error(root.location(),
          "The AsyncAPI model library cannot read the document: " + firstLine(String.valueOf(e.getMessage())));
    }
    return Optional.empty();
  }

  private static String firstLine(String text) {
    int newline = text.indexOf('\n');
    String line = newline < 0 ? text : text.substring(0, newline);
    return line.length() > 200 ? line.substring(0, 200) + "..." : line;
  }
}
