package io.asyncws.generator.emit.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.asyncws.generator.ReaderTestSupport;
import io.asyncws.generator.emit.api.ApiPlan.Endpoint;
import io.asyncws.generator.emit.api.ApiPlan.Exchange;
import io.asyncws.generator.emit.api.ApiPlan.Side;
import io.asyncws.generator.model.ApiModel;
import io.asyncws.generator.model.Message;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** Who sends what, read from either perspective, for a server-side and a client-side document. */
@Timeout(value = 30, unit = TimeUnit.SECONDS)
class ApiPlannerTest {
  private static final ApiModel KRAKEN = ApiCompiler.read(ReaderTestSupport.CORPUS.resolve(
      "spec-v3.0.0/kraken-websocket-request-reply-multiple-channels-asyncapi.yml"));
  private static final ApiModel V310 = ApiCompiler.read(ReaderTestSupport.CORPUS.resolve("synthetic/v310-ws.yml"));

  private static Endpoint only(ApiModel model, Perspective perspective) {
    ApiPlan plan = ApiPlanner.plan(model, perspective);
    assertEquals(1, plan.endpoints().size(), "one address");
    return plan.endpoints().get(0);
  }

  private static List<String> names(List<Message> messages) {
    return messages.stream().map(Message::name).toList();
  }

  private static List<String> requests(List<Exchange> exchanges) {
    return exchanges.stream().map(e -> e.request().name()).toList();
  }

  @Test
  void krakenReadAsServerGivesClientTheMirroredRequests() {
    Endpoint e = only(KRAKEN, Perspective.SERVER);
    assertEquals("/", e.address());
    assertEquals(List.of("ping", "subscribe", "unsubscribe"), names(e.client().sends()));
    assertEquals(List.of("pong", "heartbeat", "systemStatus", "subscriptionStatus", "dummyCurrencyInfo"),
        names(e.client().receives()));
    assertEquals(List.of("ping", "subscribe", "unsubscribe"), requests(e.client().requests()));
    assertTrue(e.client().answers().isEmpty());
    assertEquals(List.of("ping", "subscribe", "unsubscribe"), requests(e.server().answers()));
    assertEquals(List.of("pong", "heartbeat", "systemStatus", "subscriptionStatus", "dummyCurrencyInfo"),
        names(e.server().sends()));
    Exchange subscribe = e.client().requests().get(1);
    assertEquals(List.of("subscriptionStatus", "dummyCurrencyInfo"), names(subscribe.replies()));
    // subscriptionStatus declares no correlationId: it is correlated where the request has its id.
    assertEquals("/reqid", subscribe.replyPointers().get(subscribe.replies().get(0)));
    assertTrue(subscribe.numericId(), "reqid is an integer");
  }

  @Test
  void krakenReadAsClientSwapsTheSides() {
    Endpoint e = only(KRAKEN, Perspective.CLIENT);
    assertEquals(List.of("ping", "subscribe", "unsubscribe"), names(e.server().sends()));
    assertEquals(List.of("ping", "subscribe", "unsubscribe"), requests(e.server().requests()));
    assertEquals(List.of("ping", "subscribe", "unsubscribe"), requests(e.client().answers()));
    assertTrue(names(e.client().sends()).contains("heartbeat"));
  }

  @Test
  void clientDocumentReadAsClientKeepsItsSendPing() {
    Endpoint e = only(V310, Perspective.CLIENT);
    Side client = e.client();
    assertEquals(List.of("ping"), names(client.sends()));
    assertEquals(List.of("pong"), names(client.receives()));
    assertEquals(List.of("ping"), requests(client.requests()));
    assertEquals(List.of("ping"), requests(e.server().answers()));
    assertTrue(e.server().requests().isEmpty());
  }

  @Test
  void clientDocumentReadAsServerMakesTheServerThePinger() {
    Endpoint e = only(V310, Perspective.SERVER);
    assertEquals(List.of("ping"), requests(e.server().requests()));
    assertEquals(List.of("ping"), requests(e.client().answers()));
    assertFalse(e.client().sends().isEmpty(), "the client sends the pong reply");
    assertEquals(List.of("pong"), names(e.client().sends()));
  }

  @Test
  void clientDocumentKeepsServerVariablesBindingAndAddress() {
    ApiPlan plan = ApiPlanner.plan(V310, Perspective.CLIENT);
    assertEquals(1, plan.servers().size());
    Endpoint e = plan.endpoints().get(0);
    assertTrue(e.binding() != null && e.binding().query() != null && e.binding().headers() != null);
    assertEquals("T", plan.prefix());
  }
}
