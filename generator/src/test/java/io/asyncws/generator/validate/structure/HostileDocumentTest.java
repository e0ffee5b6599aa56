package io.asyncws.generator.validate.structure;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.asyncws.generator.diagnostic.Diagnostic;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Documents built to make a naive validator slow or deep: schemas nested to the loader's depth
 * limit with an error at the bottom, and thousands of channels. Each must finish in bounded time
 * with the error found.
 */
@Timeout(value = 30, unit = TimeUnit.SECONDS)
class HostileDocumentTest {
  private final TestDocuments docs = new TestDocuments();

  /** A payload schema nested {@code levels} times through {@code keyword}, broken at the bottom. */
  private static String nested(String version, String keyword, int levels) {
    StringBuilder schema = new StringBuilder();
    for (int i = 0; i < levels; i++) {
      schema.append(switch (keyword) {
        case "properties" -> "{properties: {p: ";
        case "items" -> "{items: ";
        default -> "{" + keyword + ": [";
      });
    }
    schema.append("{type: 5}");
    for (int i = 0; i < levels; i++) schema.append(keyword.equals("properties") ? "}}" : keyword.equals("items") ? "}" : "]}");
    String messages = version.startsWith("2.") ? "channels: {}\ncomponents:\n  messages:\n" : "components:\n  messages:\n";
    return "asyncapi: " + version + "\ninfo: {title: t, version: '1'}\n" + messages + "    m:\n      payload: " + schema + "\n";
  }

  @ParameterizedTest
  @ValueSource(strings = {"2.6.0/properties", "2.6.0/items", "2.6.0/allOf", "3.0.0/properties", "3.0.0/items",
      "3.0.0/anyOf", "3.1.0/oneOf", "3.1.0/items"})
  void deeplyNestedSchemaIsCheckedToTheBottom(String variant) {
    String[] parts = variant.split("/");
    long start = System.nanoTime();
    String text = nested(parts[0], parts[1], 110);
    List<Diagnostic> found = docs.validate(docs.parse("deep.yaml", text));
    long millis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);
    assertEquals(1, found.size(), found::toString);
    String payloadLine = text.lines().filter(l -> l.contains("{type: 5}")).findFirst().orElseThrow();
    assertEquals(payloadLine.indexOf("{type: 5}") + 8, found.get(0).location().column(), found::toString);
    assertTrue(found.get(0).message().contains("type' in "), found::toString);
    assertTrue(millis < 10_000, variant + " took " + millis + " ms");
  }

  @ParameterizedTest
  @ValueSource(strings = {"2.6.0", "3.0.0"})
  void thousandsOfChannelsAreCheckedInLinearTime(String version) {
    StringBuilder doc = new StringBuilder("asyncapi: " + version + "\ninfo: {title: t, version: '1'}\nchannels:\n");
    for (int i = 0; i < 5000; i++) {
      doc.append("  c").append(i).append(": {description: d, x-n: ").append(i).append("}\n");
    }
    doc.append("  last: {descripton: d}\n");
    List<Diagnostic> found = docs.validate(docs.parse("wide.yaml", doc.toString()));
    assertEquals(1, found.size(), found::toString);
    assertEquals(5004, found.get(0).location().line());
  }
}
