package io.asyncws.generator.link;

import static io.asyncws.generator.link.LinkTestSupport.linkCorpus;
import static io.asyncws.generator.link.LinkTestSupport.linkText;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.asyncws.generator.model.Action;
import io.asyncws.generator.model.ApiModel;
import io.asyncws.generator.model.Channel;
import io.asyncws.generator.model.CorrelationId;
import io.asyncws.generator.model.JsonType;
import io.asyncws.generator.model.Message;
import io.asyncws.generator.model.Operation;
import io.asyncws.generator.model.Reply;
import io.asyncws.generator.model.SchemaModel;
import io.asyncws.generator.model.SecurityScheme;
import io.asyncws.generator.model.Server;
import io.asyncws.generator.model.WsChannelBinding;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(value = 10, unit = TimeUnit.SECONDS)
class LinkerTest {

  @Test
  void v2PublishBecomesReceiveAndSubscribeBecomesSend() {
    ApiModel model = linkText("""
        asyncapi: 2.6.0
        info: {title: t, version: '1'}
        channels:
          inbox:
            publish: {operationId: othersPublish, message: {payload: {type: string}}}
          outbox:
            subscribe: {operationId: othersSubscribe, message: {payload: {type: string}}}
        """);
    Operation published = model.operation("othersPublish").orElseThrow();
    Operation subscribed = model.operation("othersSubscribe").orElseThrow();
    assertEquals(Action.RECEIVE, published.action());
    assertEquals("publish", published.documentKeyword());
    assertEquals(Action.SEND, subscribed.action());
    assertEquals("subscribe", subscribed.documentKeyword());
    assertEquals(Action.SEND, published.action().mirror());
  }

  @Test
  void v2OperationWithoutIdGetsStableNameFromActionAndChannel() {
    ApiModel model = linkText("""
        asyncapi: 2.6.0
        info: {title: t, version: '1'}
        channels:
          user/signedup:
            subscribe: {message: {payload: {type: string}}}
            publish: {message: {payload: {type: string}}}
        """);
    assertEquals(List.of("receiveUserSignedup", "sendUserSignedup"),
        model.operations().stream().map(Operation::id).sorted().toList());
  }

  @Test
  void v240MessageIdDocumentIsFullyModelled() {
    ApiModel model = linkCorpus("synthetic/v240-messageId.yml");
    Operation op = model.operation("sendThing").orElseThrow();
    assertEquals(Action.RECEIVE, op.action(), "2.x publish: the application receives");
    assertEquals(List.of("a", "b"), op.messages().stream().map(Message::messageId).toList());
    assertEquals(List.of("A", "B"), op.messages().stream().map(Message::name).toList());
    assertTrue(op.messages().get(0).payload().get().isType(JsonType.STRING));
    assertTrue(op.messages().get(1).payload().get().isType(JsonType.INTEGER));

    Server prod = model.server("prod").orElseThrow();
    assertEquals("wss://example.com/{tenant}", prod.url());
    assertEquals("wss://example.com/{tenant}", prod.urlTemplate());
    assertTrue(prod.isWebSocket());
    assertEquals("acme", prod.variable("tenant").orElseThrow().defaultValue());
    SecurityScheme tok = prod.security().get(0).scheme();
    assertEquals(SecurityScheme.Type.HTTP_API_KEY, tok.type());
    assertEquals(SecurityScheme.KeyLocation.QUERY, tok.in());
    assertEquals("token", tok.parameterName());

    Channel root = op.channel();
    assertEquals("/", root.address());
    WsChannelBinding ws = root.wsBinding();
    assertNotNull(ws);
    SchemaModel query = ws.query().get();
    assertTrue(query.isType(JsonType.OBJECT));
    assertTrue(query.properties().get("a").get().isType(JsonType.STRING));
    assertEquals(Set.of("A", "B"), root.messages().keySet());
  }

  @Test
  void v310RequestReplyIsFullyModelled() {
    ApiModel model = linkCorpus("synthetic/v310-ws.yml");
    assertEquals("3.1.0", model.asyncApiVersion());
    Operation sendPing = model.operation("sendPing").orElseThrow();
    assertEquals(Action.SEND, sendPing.action());
    Channel root = model.channel("root").orElseThrow();
    assertSame(root, sendPing.channel());
    Message ping = root.message("ping").orElseThrow();
    Message pong = root.message("pong").orElseThrow();
    assertEquals(List.of(ping), sendPing.messages());
    assertSame(ping, sendPing.messages().get(0), "the operation's message is the channel's, not a copy");

    Reply reply = sendPing.reply();
    assertNotNull(reply);
    assertSame(root, reply.channel());
    assertEquals(List.of(pong), reply.messages());
    CorrelationId c = ping.correlationId();
    assertEquals("$message.payload#/reqid", c.expression());
    assertEquals(CorrelationId.Source.PAYLOAD, c.source());
    assertEquals("/reqid", c.pointer());
    assertEquals("ping", ping.payload().get().properties().get("event").get().constValue().value());

    WsChannelBinding ws = root.wsBinding();
    assertEquals("GET", ws.method());
    assertEquals("0.1.0", ws.bindingVersion());
    assertTrue(ws.query().get().properties().containsKey("token"));
    assertTrue(ws.headers().get().properties().containsKey("Authorization"));

    Server prod = model.server("prod").orElseThrow();
    assertEquals("example.com", prod.host());
    assertEquals("/ws/{tenant}", prod.pathname());
    assertEquals("wss://example.com/ws/{tenant}", prod.urlTemplate());
    assertEquals(List.of("acme", "beta"), prod.variable("tenant").orElseThrow().enumValues());
  }

  @Test
  void schemaReferencedTwiceIsOneNodeAndCyclesClose() {
    ApiModel model = linkText("""
        asyncapi: 3.0.0
        info: {title: t, version: '1'}
        components:
          schemas:
            Node:
              type: object
              properties:
                next: {$ref: '#/components/schemas/Node'}
                children: {type: array, items: {$ref: '#/components/schemas/Node'}}
            Pair:
              type: object
              properties:
                left: {$ref: '#/components/schemas/Node'}
                right: {$ref: '#/components/schemas/Node'}
        """);
    SchemaModel node = model.schemas().get("Node");
    assertSame(node, node.properties().get("next").get(), "a self reference leads back to the same schema");
    assertSame(node, node.properties().get("children").get().items().get());
    SchemaModel pair = model.schemas().get("Pair");
    assertEquals(pair.properties().get("left"), pair.properties().get("right"));
    assertEquals("Node", node.componentName());
  }

  @Test
  void inlineSchemasAreNamedAfterTheirPlace() {
    ApiModel model = linkText("""
        asyncapi: 3.0.0
        info: {title: t, version: '1'}
        channels:
          users:
            address: users
            messages:
              UserSignedUp:
                payload:
                  type: object
                  properties:
                    lumens: {type: integer}
                    tags: {type: array, items: {type: object, properties: {name: {type: string}}}}
        """);
    Message m = model.channel("users").orElseThrow().message("UserSignedUp").orElseThrow();
    SchemaModel payload = m.payload().get();
    assertEquals("UserSignedUpPayload", payload.name());
    assertNull(payload.componentName());
    assertEquals("UserSignedUpPayloadLumens", payload.properties().get("lumens").name());
    assertEquals("UserSignedUpPayloadTagsItem", payload.properties().get("tags").get().items().name());
  }

  @Test
  void typeArrayWithNullAndNullableTrueBothMeanNullable() {
    ApiModel model = linkText("""
        asyncapi: 3.0.0
        info: {title: t, version: '1'}
        components:
          schemas:
            A: {type: [string, 'null']}
            B: {type: string, nullable: true}
            C: {type: string}
        """);
    assertTrue(model.schemas().get("A").nullable());
    assertTrue(model.schemas().get("A").isType(JsonType.STRING));
    assertTrue(model.schemas().get("B").nullable());
    assertFalse(model.schemas().get("C").nullable());
  }

  @Test
  void schemaKeywordsAreTyped() {
    SchemaModel s = linkText("""
        asyncapi: 3.0.0
        info: {title: t, version: '1'}
        components:
          schemas:
            S:
              type: object
              title: Title
              description: Desc
              required: [id]
              properties: {id: {type: integer, format: int64, minimum: 1, default: 7}}
              additionalProperties: false
              discriminator: kind
              examples: [{id: 1}]
            M: {type: object, additionalProperties: {type: string}}
            E: {enum: [a, b, null]}
        """).schemas().get("S");
    assertEquals("Title", s.title());
    assertEquals("Desc", s.description());
    assertTrue(s.isRequired("id"));
    assertFalse(s.additionalPropertiesAllowed());
    assertEquals("kind", s.discriminator());
    assertEquals(1, s.examples().size());
    SchemaModel id = s.properties().get("id").get();
    assertEquals("int64", id.format());
    assertEquals(1L, id.constraints().minimum());
    assertEquals(7L, id.defaultValue().value());
  }

  @Test
  void v3MessageTraitNeverOverridesTheMessageButFillsGaps() {
    ApiModel model = linkText("""
        asyncapi: 3.0.0
        info: {title: t, version: '1'}
        channels:
          c:
            address: c
            messages:
              m:
                contentType: application/json
                payload: {type: string}
                traits: [{$ref: '#/components/messageTraits/common'}]
        components:
          messageTraits:
            common:
              contentType: text/plain
              headers: {type: object, properties: {h: {type: integer}}}
        """);
    Message m = model.channel("c").orElseThrow().message("m").orElseThrow();
    assertEquals("application/json", m.contentType());
    assertTrue(m.headers().get().properties().containsKey("h"));
  }

  @Test
  void defaultContentTypeAppliesToMessagesWithoutTheirOwn() {
    ApiModel model = linkText("""
        asyncapi: 3.0.0
        info: {title: t, version: '1'}
        defaultContentType: application/json
        channels:
          c: {address: c, messages: {m: {payload: {type: string}}}}
        """);
    assertEquals("application/json", model.channel("c").orElseThrow().message("m").orElseThrow().contentType());
  }

  @Test
  void sameDocumentLinksToTheSameNamesInTheSameOrder() {
    ApiModel first = linkCorpus("spec-v3.0.0/websocket-gemini-asyncapi.yml");
    ApiModel second = linkCorpus("spec-v3.0.0/websocket-gemini-asyncapi.yml");
    assertEquals(first.schemas().all().stream().map(SchemaModel::name).toList(),
        second.schemas().all().stream().map(SchemaModel::name).toList());
    assertEquals(first.operations().toString(), second.operations().toString());
    assertTrue(first.schemas().size() > 10, "gemini has many schemas: " + first.schemas());
  }
}
