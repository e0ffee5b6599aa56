package io.asyncws.generator.emit.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.asyncws.generator.emit.JavaCompilerHarness;
import java.net.URLClassLoader;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * The real unions without discriminator of the corpus: Gemini's market data ({@code type: const})
 * and Kraken's subscription status (told apart by required properties), read from the JSON the APIs
 * send.
 */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class CorpusRoundTripTest {
  private static final Path CORPUS = Path.of("src/test/resources/corpus/spec-v3.0.0");
  private static final ObjectMapper JSON = new ObjectMapper();

  private static Object read(URLClassLoader loader, String json, String type) throws Exception {
    return JSON.readValue(json, Class.forName(ModelTestSupport.PACKAGE + "." + type, true, loader));
  }

  @Test
  void geminiMarketMessagesPickTheirVariantByTypeConst(@TempDir Path work) throws Exception {
    JavaCompilerHarness.Result result =
        ModelTestSupport.compile(CORPUS.resolve("websocket-gemini-asyncapi.yml"), work);
    try (URLClassLoader loader = result.loader()) {
      Object heartbeat = read(loader, "{\"type\":\"heartbeat\",\"socket_sequence\":0}", "Market");
      assertEquals("Heartbeat", heartbeat.getClass().getSimpleName());

      String update =
          "{\"type\":\"update\",\"eventId\":5375461993,\"socket_sequence\":1,"
              + "\"timestamp\":1547760288,\"timestampms\":1547760288001,"
              + "\"events\":[{\"type\":\"change\",\"side\":\"bid\",\"price\":3626.73,"
              + "\"remaining\":1.6,\"delta\":0.8,\"reason\":\"place\"}]}";
      Object parsed = read(loader, update, "Market");
      assertEquals("Update", parsed.getClass().getSimpleName());
      List<?> events = (List<?>) parsed.getClass().getMethod("events").invoke(parsed);
      assertEquals(1, events.size());
      assertEquals(JSON.readTree(update), JSON.readTree(JSON.writeValueAsString(parsed)));

      JsonMappingException e =
          assertThrows(
              JsonMappingException.class,
              () -> read(loader, "{\"type\":\"auction\",\"socket_sequence\":2}", "Market"));
      assertTrue(e.getMessage().startsWith("No variant of Market matches"), e.getMessage());
    }
  }

  @Test
  void krakenSubscriptionStatusIsToldApartByRequiredProperties(@TempDir Path work)
      throws Exception {
    JavaCompilerHarness.Result result =
        ModelTestSupport.compile(
            CORPUS.resolve("kraken-websocket-request-reply-multiple-channels-asyncapi.yml"), work);
    try (URLClassLoader loader = result.loader()) {
      // The two examples of the document's subscriptionStatus message, made to follow its schema:
      // "pair" is an array there (the examples write a string) and "status" refers to the system
      // status enum, which has neither "unsubscribed" nor "error" (left out here); "depth" 42 is
      // not among the depths the enum allows (10 here).
      String success =
          "{\"channelID\":10001,\"channelName\":\"ohlc-5\",\"event\":\"subscriptionStatus\","
              + "\"pair\":[\"XBT/EUR\"],\"reqid\":42,"
              + "\"subscription\":{\"interval\":5,\"name\":\"ohlc\"}}";
      String error =
          "{\"errorMessage\":\"Subscription depth not supported\",\"event\":\"subscriptionStatus\","
              + "\"pair\":[\"XBT/USD\"],"
              + "\"subscription\":{\"depth\":10,\"name\":\"book\"}}";
      assertEquals(
          "SubscriptionStatusError",
          read(loader, error, "SubscriptionStatus").getClass().getSimpleName());
      assertEquals(
          "SubscriptionStatusSuccess",
          read(loader, success, "SubscriptionStatus").getClass().getSimpleName());
      assertThrows(
          JsonMappingException.class,
          () -> read(loader, "{\"event\":\"subscriptionStatus\"}", "SubscriptionStatus"));
    }
  }
}
