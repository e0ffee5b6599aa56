package io.asyncws.generator;

import static io.asyncws.generator.ReaderTestSupport.readCorpus;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.asyncws.generator.model.Action;
import io.asyncws.generator.model.ApiModel;
import io.asyncws.generator.model.Message;
import io.asyncws.generator.model.Operation;
import io.asyncws.generator.model.SchemaModel;
import io.asyncws.generator.model.Server;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** Documents spread over several files link into one model whose locations name the right files. */
@Timeout(value = 30, unit = TimeUnit.SECONDS)
class MultiFileModelTest {

  @Test
  void socialMediaFrontendLinksMessagesAndSchemasFromCommonFiles() {
    ApiModel model = readCorpus("spec-v3.0.0/social-media/frontend/asyncapi.yaml").model().orElseThrow();
    Operation send = model.operation("sendLikeComment").orElseThrow();
    assertEquals(Action.SEND, send.action());
    Message like = send.messages().get(0);
    assertSame(model.channel("likeComment").orElseThrow().message("likeComment").orElseThrow(), like);
    assertTrue(like.location().file().endsWith("common/messages.yaml"), like.location()::toString);

    SchemaModel payload = like.payload().get();
    assertEquals("likeCommentPayload", payload.name(), "named by its key in the schemas file");
    assertNull(payload.componentName(), "not under components/schemas");
    assertTrue(payload.location().file().endsWith("common/schemas.yaml"), payload.location()::toString);

    Server server = model.servers().get(0);
    assertEquals("websiteWebSocketServer", server.name());
    assertTrue(server.location().file().endsWith("common/servers.yaml"), server.location()::toString);
  }

  @Test
  void wholeFileRefIsNamedAfterTheFile() {
    ApiModel model = readCorpus("parser-js-mocks/simple-with-refs.yaml").model().orElseThrow();
    SchemaModel test = model.schemas().get("testSchema").properties().get("test").get();
    assertEquals("Refs1", test.name());
    assertEquals("Refs2", test.properties().get("testing").name());
  }

  @Test
  void circularSchemaFromAnotherFileIsAFiniteGraph() {
    ApiModel model = ReaderTestSupport.read(ReaderTestSupport.WRAPPERS.resolve("circular-ref.yml")).model().orElseThrow();
    SchemaModel deep = model.schemas().get("Circular").properties().get("deepProperty").get();
    assertSame(deep, deep.properties().get("circular").get(), "the cycle closes on the same schema");
  }
}
