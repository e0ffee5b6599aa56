package io.asyncws.runtime.handshake;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(5)
class HeadersTest {
  private final Headers headers =
      Headers.of(
          "Host", "a.example",
          "Connection", "keep-alive, Upgrade",
          "X-Multi", "one",
          "x-multi", " two ,, three ",
          "Empty", "");

  @Test
  void lookupIgnoresCaseAndKeepsOrder() {
    assertEquals(Optional.of("a.example"), headers.first("HOST"));
    assertEquals(List.of("one", "two ,, three"), headers.all("X-MULTI"));
    assertEquals(2, headers.count("x-Multi"));
    assertEquals(Optional.empty(), headers.first("Origin"));
    assertEquals(List.of(), headers.all("Origin"));
    assertEquals("x-multi", headers.name(3));
    assertEquals(5, headers.size());
  }

  @Test
  void tokensSplitAllFieldsTrimAndDropEmptyElements() {
    assertEquals(List.of("one", "two", "three"), headers.tokens("X-Multi"));
    assertEquals(List.of(), headers.tokens("Empty"));
    assertTrue(headers.hasToken("connection", "UPGRADE"));
    assertFalse(headers.hasToken("connection", "close"));
    assertFalse(headers.hasToken("connection", "keep"));
  }

  @Test
  void toMapIsCaseInsensitiveWithAllValues() {
    Map<String, List<String>> map = headers.toMap();
    assertEquals(List.of("one", "two ,, three"), map.get("X-MULTI"));
    assertEquals(List.of("a.example"), map.get("host"));
    assertThrows(UnsupportedOperationException.class, () -> map.put("a", List.of()));
  }

  @Test
  void hasTokenFindsElementsOfEveryFieldButNotEmptyOnes() {
    assertTrue(headers.hasToken("X-Multi", "three"));
    assertTrue(headers.hasToken("x-multi", "TWO"));
    assertFalse(headers.hasToken("X-Multi", ""));
    assertFalse(headers.hasToken("Empty", ""));
    assertFalse(headers.hasToken("Origin", "one"));
  }

  @Test
  void lowerCaseMapAnswersLowerCaseNamesAndIteratesInNameOrder() {
    Map<String, List<String>> map = headers.toLowerCaseMap();
    assertEquals(List.of("one", "two ,, three"), map.get("x-multi"));
    assertEquals(null, map.get("X-Multi")); // keys are lower case, as HandshakeRequest documents
    assertTrue(map.containsKey("host"));
    assertFalse(map.containsKey("origin"));
    assertEquals(List.of("connection", "empty", "host", "x-multi"), List.copyOf(map.keySet()));
    assertEquals(
        Map.of(
            "host", List.of("a.example"),
            "connection", List.of("keep-alive, Upgrade"),
            "x-multi", List.of("one", "two ,, three"),
            "empty", List.of("")),
        map);
    assertThrows(UnsupportedOperationException.class, () -> map.put("a", List.of()));
    assertThrows(UnsupportedOperationException.class, () -> map.remove("host"));
  }

  @Test
  void builderTrimsValuesAndSetReplacesEveryOccurrence() {
    Headers changed = headers.toBuilder().set("X-MULTI", "\t only \t").remove("empty").build();
    assertEquals(List.of("only"), changed.all("x-multi"));
    assertEquals(3, changed.size());
    assertEquals(5, headers.size());
  }

  @Test
  void builderRejectsNamesThatAreNotTokens() {
    for (String name : List.of("", "Bad Name", "Colon:", "Tab\t", "Ünicode", "a\r\nb")) {
      assertThrows(IllegalArgumentException.class, () -> Headers.builder().add(name, "v"), name);
    }
  }

  @Test
  void builderRejectsValuesThatWouldSplitTheMessage() {
    for (String value :
        List.of("a\r\nInjected: yes", "a\nb", "a\rb", "nul\0", "del\u007f", "\u20ac")) {
      assertThrows(IllegalArgumentException.class, () -> Headers.builder().add("X", value), value);
    }
    assertEquals("caf\u00e9\tbar", Headers.of("X", "caf\u00e9\tbar").value(0));
  }

  @Test
  void ofRejectsAnOddArgumentCount() {
    assertThrows(IllegalArgumentException.class, () -> Headers.of("Host"));
  }

  @Test
  void equalityFollowsNamesValuesAndOrder() {
    assertEquals(Headers.of("A", "1", "B", "2"), Headers.of("A", "1", "B", "2"));
    assertFalse(Headers.of("A", "1", "B", "2").equals(Headers.of("B", "2", "A", "1")));
    assertEquals("A: 1\nB: 2\n", Headers.of("A", "1", "B", "2").toString());
  }
}
