package io.asyncws.runtime.contract;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(value = 5, unit = TimeUnit.SECONDS)
class AddressTemplateTest {

  @Test
  void routerMatchesParameterSegment() {
    AddressTemplate t = AddressTemplate.parse("/rooms/{roomId}");
    assertEquals(Optional.of(Map.of("roomId", "lobby")), t.match("/rooms/lobby"));
    assertEquals(List.of("roomId"), t.parameterNames());
  }

  @Test
  void routerRejectsOtherPaths() {
    AddressTemplate t = AddressTemplate.parse("/rooms/{roomId}");
    assertTrue(t.match("/rooms/").isEmpty(), "empty value");
    assertTrue(t.match("/rooms/a/b").isEmpty(), "value spanning a slash");
    assertTrue(t.match("/room/a").isEmpty(), "other literal");
    assertTrue(t.match("/rooms").isEmpty(), "too short");
  }

  @Test
  void routerMatchesLiteralAddressExactly() {
    AddressTemplate t = AddressTemplate.parse("/");
    assertEquals(Optional.of(Map.of()), t.match("/"));
    assertTrue(t.match("/x").isEmpty());
  }

  @Test
  void routerMatchesParameterInsideSegmentAndSeveralParameters() {
    AddressTemplate t = AddressTemplate.parse("/v1/{market}/{symbol}.json");
    assertEquals(Optional.of(Map.of("market", "spot", "symbol", "btcusd")), t.match("/v1/spot/btcusd.json"));
    assertTrue(t.match("/v1/spot/btcusd.xml").isEmpty());
  }

  @Test
  void rawMatchPercentDecodesValues() {
    AddressTemplate t = AddressTemplate.parse("/rooms/{roomId}");
    assertEquals(Optional.of(Map.of("roomId", "a/b c+")), t.matchRaw("/rooms/a%2Fb%20c+"));
  }

  @Test
  void clientExpandsWithPercentEncoding() {
    AddressTemplate t = AddressTemplate.parse("/rooms/{roomId}");
    String path = t.expand(Map.of("roomId", "a/b c?é"));
    assertEquals("/rooms/a%2Fb%20c%3F%C3%A9", path);
    assertEquals(Optional.of(Map.of("roomId", "a/b c?é")), t.matchRaw(path), "round trip");
  }

  @Test
  void clientExpandRefusesMissingParameter() {
    AddressTemplate t = AddressTemplate.parse("/rooms/{roomId}");
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> t.expand(Map.of()));
    assertTrue(e.getMessage().contains("roomId"), e.getMessage());
  }

  @Test
  void parseRejectsMalformedTemplates() {
    assertThrows(IllegalArgumentException.class, () -> AddressTemplate.parse("/rooms/{roomId"));
    assertThrows(IllegalArgumentException.class, () -> AddressTemplate.parse("/rooms/roomId}"));
    assertThrows(IllegalArgumentException.class, () -> AddressTemplate.parse("/rooms/{}"));
    assertThrows(IllegalArgumentException.class, () -> AddressTemplate.parse("/{a}{b}"));
  }

  @Test
  void clientJoinsServerUrlAddressAndQuery() {
    java.util.LinkedHashMap<String, String> query = new java.util.LinkedHashMap<>();
    query.put("token", "a b&c");
    query.put("absent", null);
    query.put("v", "1");
    assertEquals("ws://h:1/base/rooms/x?token=a%20b%26c&v=1",
        UriText.join("ws://h:1/base/", "/rooms/x", query).toString());
    assertEquals("ws://h/", UriText.join("ws://h", "", Map.of()).toString());
  }

  @Test
  void clientSubstitutesServerVariablesVerbatim() {
    assertEquals("wss://example.com/ws/acme",
        UriText.substitute("wss://example.com/ws/{tenant}", Map.of("tenant", "acme")));
    assertThrows(IllegalArgumentException.class, () -> UriText.substitute("wss://{host}/", Map.of()));
  }
}
