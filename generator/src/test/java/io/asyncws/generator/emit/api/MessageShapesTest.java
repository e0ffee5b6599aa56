package io.asyncws.generator.emit.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.asyncws.generator.ReaderTestSupport;
import io.asyncws.generator.emit.api.MessageShapes.Shape;
import io.asyncws.generator.model.ApiModel;
import io.asyncws.generator.model.JsonType;
import io.asyncws.generator.model.Message;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** What tells incoming messages apart, derived from their schemas. */
@Timeout(value = 30, unit = TimeUnit.SECONDS)
class MessageShapesTest {
  private static final ApiModel KRAKEN = ApiCompiler.read(ReaderTestSupport.CORPUS.resolve(
      "spec-v3.0.0/kraken-websocket-request-reply-multiple-channels-asyncapi.yml"));
  private static final ApiModel V240 = ApiCompiler.read(ReaderTestSupport.CORPUS.resolve("synthetic/v240-messageId.yml"));

  private static Message message(ApiModel model, String name) {
    return model.channels().stream().flatMap(c -> c.messages().values().stream())
        .filter(m -> m.name().equals(name)).findFirst().orElseThrow();
  }

  @Test
  void krakenPingIsPinnedByItsEventConst() {
    List<Shape> shapes = MessageShapes.shapes(message(KRAKEN, "ping"));
    assertEquals(1, shapes.size());
    assertEquals(Map.of("event", "ping"), shapes.get(0).constants());
    assertEquals(Set.of("event"), shapes.get(0).required());
  }

  @Test
  void krakenSubscriptionStatusOneOfOfAllOfsGivesTwoShapesWithTheCommonConst() {
    List<Shape> shapes = MessageShapes.shapes(message(KRAKEN, "subscriptionStatus"));
    assertEquals(2, shapes.size(), shapes.toString());
    for (Shape s : shapes) assertEquals(Map.of("event", "subscriptionStatus"), s.constants());
    assertTrue(shapes.get(0).required().contains("errorMessage"), shapes.toString());
    assertTrue(shapes.get(1).required().containsAll(Set.of("channelID", "channelName")), shapes.toString());
  }

  @Test
  void v240OneOfMessagesDifferByJsonType() {
    assertEquals(Set.of(JsonType.STRING), MessageShapes.shapes(message(V240, "A")).get(0).types());
    assertEquals(Set.of(JsonType.INTEGER), MessageShapes.shapes(message(V240, "B")).get(0).types());
  }

  @Test
  void scoreMethodTestsEveryConstAndRequiredProperty() {
    String body = MessageShapes.scoreBody(message(KRAKEN, "subscriptionStatus")).toString();
    assertTrue(body.contains("\"subscriptionStatus\".equals(node.path(\"event\").textValue())"), body);
    assertTrue(body.contains("node.has(\"errorMessage\")"), body);
    assertTrue(body.contains("best = Math.max(best, 1)"), body);
  }

  @Test
  void onlyAPlainObjectWithDeclaredRequiredPropertiesIsRecognisedByBindingAlone(@TempDir Path dir)
      throws IOException {
    Path doc = dir.resolve("plain.yaml");
    Files.writeString(doc, """
        asyncapi: 3.0.0
        info: {title: Plain, version: 1.0.0}
        channels:
          root:
            address: /
            messages:
              plain:
                payload:
                  type: object
                  required: [seq]
                  properties: {seq: {type: integer}, data: {type: string}}
              undeclared:
                payload:
                  type: object
                  required: [seq, other]
                  properties: {seq: {type: integer}}
        operations:
          receivePlain: {action: receive, channel: {$ref: '#/channels/root'}}
        """);
    ApiModel model = ApiCompiler.read(doc);
    assertTrue(MessageShapes.isPlainObject(message(model, "plain")));
    assertFalse(MessageShapes.isPlainObject(message(model, "undeclared")),
        "a required property without a component is not checked by binding");
    assertFalse(MessageShapes.isPlainObject(message(KRAKEN, "ping")), "a const must be compared");
    assertFalse(MessageShapes.isPlainObject(message(KRAKEN, "subscriptionStatus")), "oneOf");
    assertFalse(MessageShapes.isPlainObject(message(V240, "A")), "a string payload");
  }
}
