package io.asyncws.benchmarks.load;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** The JSON messages the load program sends to the generated server: exact size, contract shape. */
@Timeout(value = 10, unit = TimeUnit.SECONDS)
class JsonPayloadTest {
  /** Compact, in contract order, data without the two characters JSON escapes. */
  private static final Pattern MESSAGE = Pattern.compile("\\{\"seq\":(0|[1-9][0-9]*),\"data\":\"([!#-\\[\\]-~]*)\"}");

  private static String message(Payloads.Messages messages, int size, long seq) {
    int at = messages.prepare(seq);
    assertEquals(at, messages.offset(seq));
    return new String(messages.array(), at, size, StandardCharsets.US_ASCII);
  }

  @Test
  void messagesOfEveryConnectionHaveExactSizeContractShapeAndRunWideUniqueSeq() {
    for (int size : List.of(JsonPayload.MIN_SIZE, 21, 32, 125, 126, 65536)) { // 21: seq grows to 3 digits
      JsonPayload payload = new JsonPayload(size, 3);
      Set<Long> seqs = new HashSet<>();
      for (int id = 0; id < 3; id++) {
        Payloads.Messages messages = payload.forConnection(id, 4);
        int max = size == JsonPayload.MIN_SIZE ? 2 : 40; // the smallest size holds seq 0 to 9 only
        String previous = null;
        for (long seq = 0; seq <= max; seq++) {
          String text = message(messages, size, seq);
          assertEquals(size, text.length());
          Matcher m = MESSAGE.matcher(text);
          assertTrue(m.matches(), text);
          long unique = Long.parseLong(m.group(1));
          assertEquals(seq * 3 + id, unique);
          assertTrue(seqs.add(unique), "seq " + unique + " twice");
          if (previous != null && m.group(2).length() > 1) assertNotEquals(previous, m.group(2), "data repeats");
          previous = m.group(2);
        }
      }
    }
  }

  @Test
  void messageStaysInItsSlotUntilWindowMessagesLater() {
    JsonPayload payload = new JsonPayload(32, 1);
    Payloads.Messages messages = payload.forConnection(0, 2);
    String first = message(messages, 32, 0);
    message(messages, 32, 1);
    assertEquals(first, new String(messages.array(), messages.offset(0), 32, StandardCharsets.US_ASCII));
    assertEquals(messages.offset(0), messages.offset(2));
  }

  @Test
  void seqThatNoLongerFitsIsRefusedWithASentence() {
    Payloads.Messages messages = new JsonPayload(JsonPayload.MIN_SIZE, 1).forConnection(0, 1);
    assertEquals("{\"seq\":9,\"data\":\"\"}", message(messages, JsonPayload.MIN_SIZE, 9));
    IllegalStateException e = assertThrows(IllegalStateException.class, () -> messages.prepare(10));
    assertTrue(e.getMessage().contains("use a larger --size"), e.getMessage());
  }

  @Test
  void optionsRefuseJsonSmallerThanTheSmallestMessageAndLetTheLastPayloadOptionCount() {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> LoadOptions.parse(List.of("echo", "--port", "1", "--payload", "json", "--size", "18")));
    assertTrue(e.getMessage().contains("at least 19 bytes"), e.getMessage());
    assertEquals(LoadOptions.Payload.JSON,
        LoadOptions.parse(List.of("echo", "--port", "1", "--binary", "--payload", "json")).payload());
    assertEquals(LoadOptions.Payload.BINARY,
        LoadOptions.parse(List.of("echo", "--port", "1", "--payload", "json", "--binary")).payload());
    assertThrows(IllegalArgumentException.class,
        () -> LoadOptions.parse(List.of("echo", "--port", "1", "--payload", "xml")));
  }
}
