package io.asyncws.generator.emit.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.ParameterizedTypeName;
import io.asyncws.generator.emit.TypeNames;
import io.asyncws.generator.model.ApiModel;
import io.asyncws.generator.model.Message;
import io.asyncws.generator.model.SchemaModel;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** What {@link ModelTypes#typeOf} answers for the emitters of the client and the server. */
@Timeout(value = 30, unit = TimeUnit.SECONDS)
class ModelTypesTest {
  private static final Path DOCUMENT = Path.of("src/test/resources/emit/models-edge-cases.yml");

  private static Message message(ApiModel api, String key) {
    return api.channel("events").orElseThrow().message(key).orElseThrow();
  }

  @Test
  void payloadsMapToGeneratedClasses() {
    ApiModel api = ModelTestSupport.model(DOCUMENT);
    ModelTypes types = ModelTypes.of(api, "com.example.api");
    assertEquals(
        ClassName.get("com.example.api", "Event"), types.typeOf(message(api, "event").payload()));
    assertEquals(
        ClassName.get("com.example.api", "ObjectModel"),
        types.typeOf(message(api, "object").payload()));
    assertTrue(types.generatedClass(message(api, "shape").payload()).isPresent());
  }

  @Test
  void schemasWithTheSameJavaNameAreNumberedInDocumentOrder() {
    ApiModel api = ModelTestSupport.model(DOCUMENT);
    ModelTypes types = ModelTypes.of(api, "com.example.api");
    assertEquals(
        ClassName.get("com.example.api", "UserName"), types.typeOf(api.schemas().ref("user_name")));
    assertEquals(
        ClassName.get("com.example.api", "UserName2"), types.typeOf(api.schemas().ref("UserName")));
  }

  @Test
  void javaTimeModuleIsNeededOnlyForDateFormats() {
    ApiModel api = ModelTestSupport.model(DOCUMENT);
    assertTrue(ModelTypes.of(api, "com.example.api").needsJavaTimeModule());
    ApiModel kraken =
        ModelTestSupport.model(
            Path.of(
                "src/test/resources/corpus/spec-v3.0.0/kraken-websocket-request-reply-multiple-channels-asyncapi.yml"));
    assertFalse(ModelTypes.of(kraken, "com.example.api").needsJavaTimeModule());
  }

  @Test
  void avroPayloadIsAJsonNode() {
    ApiModel api = ModelTestSupport.model(DOCUMENT);
    ModelTypes types = ModelTypes.of(api, "com.example.api");
    assertEquals(TypeNames.JSON_NODE, types.typeOf(message(api, "avro").payload()));
    assertTrue(types.generatedClass(message(api, "avro").payload()).isEmpty());
  }

  @Test
  void propertySchemasMapToLibraryTypes() {
    ApiModel api = ModelTestSupport.model(DOCUMENT);
    ModelTypes types = ModelTypes.of(api, "com.example.api");
    SchemaModel trade = api.schemas().get("Trade");
    assertEquals(TypeNames.UUID, types.typeOf(trade.properties().get("id")));
    assertEquals(TypeNames.OFFSET_DATE_TIME, types.typeOf(trade.properties().get("at")));
    assertEquals(TypeNames.LOCAL_DATE, types.typeOf(trade.properties().get("day")));
    assertEquals(TypeNames.INTEGER, types.typeOf(trade.properties().get("quantity")));
    assertEquals(TypeNames.LONG, types.typeOf(trade.properties().get("retries")));
    assertEquals(TypeNames.BIG_DECIMAL, types.typeOf(trade.properties().get("price")));
    assertEquals(
        ParameterizedTypeName.get(TypeNames.LIST, TypeNames.STRING),
        types.typeOf(trade.properties().get("tags")));
    assertEquals(
        ParameterizedTypeName.get(TypeNames.MAP, TypeNames.STRING, TypeNames.LONG),
        types.typeOf(trade.properties().get("attributes")));
    assertEquals(TypeNames.URI, types.typeOf(trade.properties().get("link")));
    assertEquals(
        ClassName.get("com.example.api", "TradeSide"),
        types.typeOf(trade.properties().get("side")));
    assertEquals(TypeNames.JSON_NODE, types.typeOf(null));
  }
}
