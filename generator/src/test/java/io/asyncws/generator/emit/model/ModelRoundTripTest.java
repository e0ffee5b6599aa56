package io.asyncws.generator.emit.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import io.asyncws.generator.emit.JavaCompilerHarness;
import java.lang.reflect.InvocationTargetException;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Generated models of {@code emit/models-edge-cases.yml}, compiled with {@code -Xlint:all -Werror}
 * and run through Jackson: JSON in, the right record out, the same JSON back.
 */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class ModelRoundTripTest {
  private static final Path DOCUMENT = Path.of("src/test/resources/emit/models-edge-cases.yml");
  private static final ObjectMapper JSON =
      new ObjectMapper()
          .registerModule(new JavaTimeModule())
          .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS);
  private static Path work;
  private static URLClassLoader loader;

  @BeforeAll
  static void compileModels() throws Exception {
    work = Files.createTempDirectory("models-round-trip");
    JavaCompilerHarness.Result result = ModelTestSupport.compile(DOCUMENT, work);
    loader = result.loader();
  }

  @AfterAll
  static void closeLoader() throws Exception {
    loader.close();
  }

  private static Class<?> model(String simpleName) throws ClassNotFoundException {
    return Class.forName(ModelTestSupport.PACKAGE + "." + simpleName, true, loader);
  }

  private static Object read(String json, String type) throws Exception {
    return JSON.readValue(json, model(type));
  }

  private static Object component(Object record, String name) throws Exception {
    return record.getClass().getMethod(name).invoke(record);
  }

  private static void assertSameJson(String expected, Object value) throws Exception {
    assertEquals(JSON.readTree(expected), JSON.readTree(JSON.writeValueAsString(value)));
  }

  @Test
  void unionWithoutDiscriminatorPicksVariantByConstEvent() throws Exception {
    Object ping = read("{\"event\":\"ping\",\"reqid\":7}", "Event");
    assertEquals(model("Ping"), ping.getClass());
    assertEquals(7L, component(ping, "reqid"));
    Object status = read("{\"event\":\"status\",\"online\":true}", "Event");
    assertEquals(model("Status"), status.getClass());
    assertSameJson("{\"event\":\"status\",\"online\":true}", status);
  }

  @Test
  void unionWithoutDiscriminatorFailsNamingTheUnionWhenNoVariantMatches() {
    JsonMappingException e =
        assertThrows(JsonMappingException.class, () -> read("{\"event\":\"nope\"}", "Event"));
    assertTrue(
        e.getMessage().startsWith("No variant of Event matches {\"event\":\"nope\"}"),
        e.getMessage());
    assertTrue(
        e.getMessage().contains("expected one of: Ping, Trade, Status, OfString"), e.getMessage());
  }

  @Test
  void oneOfFailsWhenTwoVariantsMatch() {
    JsonMappingException e =
        assertThrows(JsonMappingException.class, () -> read("{\"value\":\"x\"}", "Either"));
    assertTrue(
        e.getMessage().startsWith("Ambiguous Either: Left and Right all match"), e.getMessage());
  }

  @Test
  void recordSharedByTwoUnionsIsReadThroughEither() throws Exception {
    assertEquals(model("Ping"), read("{\"event\":\"ping\"}", "Notice").getClass());
    assertEquals(model("Ping"), read("{\"event\":\"ping\"}", "Event").getClass());
    assertTrue(model("Notice").isAssignableFrom(model("Ping")));
    assertTrue(model("Event").isAssignableFrom(model("Ping")));
  }

  @Test
  void unionNestedInAUnionIsWrappedAndReadByItsOwnDiscriminator() throws Exception {
    Object notice = read("{\"kind\":\"circle\",\"radius\":1.0}", "Notice");
    assertEquals("OfShape", notice.getClass().getSimpleName());
    assertEquals(model("Circle"), component(notice, "value").getClass());
    assertSameJson("{\"kind\":\"circle\",\"radius\":1.0}", notice);
  }

  @Test
  void anyOfTakesTheFirstMatchingVariant() throws Exception {
    assertEquals(model("Left"), read("{\"value\":\"x\"}", "Loose").getClass());
  }

  @Test
  void stringVariantIsWrappedAndWrittenAsItself() throws Exception {
    Object wrapped = read("\"hello\"", "Event");
    assertEquals("OfString", wrapped.getClass().getSimpleName());
    assertEquals("hello", component(wrapped, "value"));
    assertEquals("\"hello\"", JSON.writeValueAsString(wrapped));
  }

  @Test
  void discriminatorUnionPicksVariantByKind() throws Exception {
    Object circle = read("{\"kind\":\"circle\",\"radius\":2.5}", "Shape");
    assertEquals(model("Circle"), circle.getClass());
    assertEquals(new java.math.BigDecimal("2.5"), component(circle, "radius"));
    Object square = read("{\"kind\":\"square\",\"name\":\"s\",\"side\":1.0}", "Shape");
    assertEquals(model("Square"), square.getClass());
    assertSameJson("{\"kind\":\"square\",\"name\":\"s\",\"side\":1.0}", square);
    assertThrows(JsonMappingException.class, () -> read("{\"kind\":\"hexagon\"}", "Shape"));
  }

  @Test
  void tradeRoundTripsFormatsEnumsAndNullable() throws Exception {
    String json =
        "{\"event\":\"trade\",\"id\":\"6f1c9c1e-8e2c-4d3a-9a8e-1d2c3b4a5f60\","
            + "\"at\":\"2024-01-02T03:04:05Z\",\"side\":\"XBT/EUR\",\"level\":-1,\"note\":null,"
            + "\"retries\":5,\"tags\":[\"a\"],\"attributes\":{\"k\":1},\"raw\":\"AQID\","
            + "\"link\":\"https://example.com/x\"}";
    Object trade = read(json, "Event");
    assertEquals(model("Trade"), trade.getClass());
    assertEquals(UUID.fromString("6f1c9c1e-8e2c-4d3a-9a8e-1d2c3b4a5f60"), component(trade, "id"));
    assertEquals(OffsetDateTime.parse("2024-01-02T03:04:05Z"), component(trade, "at"));
    assertEquals("XBT_EUR", ((Enum<?>) component(trade, "side")).name());
    assertEquals("VALUE_MINUS_1", ((Enum<?>) component(trade, "level")).name());
    assertEquals(List.of((byte) 1, (byte) 2, (byte) 3), bytes((byte[]) component(trade, "raw")));
    // A required nullable property is written even when null.
    // The absent price takes its default, 2.50.
    assertSameJson(json.replace("\"side\"", "\"price\":2.50,\"side\""), trade);
  }

  @Test
  void absentOptionalPropertiesTakeTheirDefaults() throws Exception {
    Object trade =
        read(
            "{\"event\":\"trade\",\"id\":\"6f1c9c1e-8e2c-4d3a-9a8e-1d2c3b4a5f60\","
                + "\"at\":\"2024-01-02T03:04:05Z\",\"note\":\"n\"}",
            "Trade");
    assertEquals("BUY", ((Enum<?>) component(trade, "side")).name());
    assertEquals(3L, component(trade, "retries"));
    assertEquals(null, component(trade, "comment"));
  }

  @Test
  void missingRequiredPropertyIsRejected() {
    assertThrows(
        JsonMappingException.class,
        () -> read("{\"event\":\"trade\",\"at\":\"2024-01-02T03:04:05Z\",\"note\":null}", "Trade"));
  }

  @Test
  void constComponentIsFilledInAndCheckedByTheConstructor() throws Exception {
    Object ping = model("Ping").getConstructor(Long.class).newInstance(42L);
    assertSameJson("{\"event\":\"ping\",\"reqid\":42}", ping);
    InvocationTargetException e =
        assertThrows(
            InvocationTargetException.class,
            () -> model("Ping").getConstructor(String.class, Long.class).newInstance("pong", 1L));
    assertInstanceOf(IllegalArgumentException.class, e.getCause());
  }

  @Test
  void circularSchemaRoundTrips() throws Exception {
    String json =
        "{\"value\":\"root\",\"children\":[{\"value\":\"leaf\",\"children\":[]}],"
            + "\"parent\":{\"value\":\"up\"}}";
    Object tree = read(json, "TreeNode");
    List<?> children = (List<?>) component(tree, "children");
    assertEquals(model("TreeNode"), children.get(0).getClass());
    assertSameJson(json, tree);
  }

  @Test
  void propertiesNamedLikeKeywordsAndSymbolsKeepTheirJsonNames() throws Exception {
    String json =
        "{\"class\":\"c\",\"default\":\"d\",\"$ref\":\"r\",\"2fa\":true,"
            + "\"user-name\":\"u\",\"naïve\":\"n\",\"toString\":\"t\"}";
    Object keywords = read(json, "Keywords");
    assertEquals("c", component(keywords, "class_"));
    assertEquals("r", component(keywords, "ref"));
    assertEquals(true, component(keywords, "_2fa"));
    assertEquals("u", component(keywords, "userName"));
    assertSameJson(json, keywords);
    // additionalProperties: false makes unknown properties an error.
    assertThrows(JsonMappingException.class, () -> read("{\"other\":1}", "Keywords"));
  }

  @Test
  void additionalPropertiesBesideNamedOnesAreKeptAndWrittenFlat() throws Exception {
    Object labels = read("{\"name\":\"n\",\"x\":1,\"y\":2}", "Labels");
    assertEquals(java.util.Map.of("x", 1L, "y", 2L), component(labels, "additionalProperties"));
    assertSameJson("{\"name\":\"n\",\"x\":1,\"y\":2}", labels);
    assertThrows(
        JsonMappingException.class, () -> read("{\"name\":\"n\",\"x\":\"text\"}", "Labels"));
  }

  @Test
  void schemaNamedLikeJavaLangTypeGetsASuffix() throws Exception {
    Object object = read("{\"string\":\"s\",\"unknown\":1}", "ObjectModel");
    assertSameJson("{\"string\":\"s\"}", object);
  }

  private static List<Byte> bytes(byte[] raw) {
    List<Byte> out = new java.util.ArrayList<>();
    for (byte b : raw) out.add(b);
    return out;
  }
}
