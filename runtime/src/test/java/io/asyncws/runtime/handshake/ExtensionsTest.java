package io.asyncws.runtime.handshake;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(5)
class ExtensionsTest {
  private static ExtensionOffer only(String header) {
    Extensions extensions = Extensions.parse(header);
    assertFalse(extensions.isMalformed(), () -> extensions.error().orElseThrow());
    assertEquals(1, extensions.offers().size());
    return extensions.offers().get(0);
  }

  @Test
  void parsesNameWithoutParameters() {
    ExtensionOffer offer = only("permessage-deflate");
    assertEquals("permessage-deflate", offer.name());
    assertEquals(List.of(), offer.params());
  }

  @Test
  void parsesValuelessTokenAndQuotedParametersInOrder() {
    ExtensionOffer offer =
        only("permessage-deflate; client_max_window_bits; server_max_window_bits=10; x=\"15\"");
    assertEquals(
        List.of(
            new ExtensionOffer.Param("client_max_window_bits", Optional.empty()),
            new ExtensionOffer.Param("server_max_window_bits", Optional.of("10")),
            new ExtensionOffer.Param("x", Optional.of("15"))),
        offer.params());
    assertTrue(offer.has("CLIENT_MAX_WINDOW_BITS"));
    assertEquals(Optional.empty(), offer.value("client_max_window_bits"));
    assertEquals(Optional.of("10"), offer.value("server_max_window_bits"));
    assertEquals(Optional.empty(), offer.value("absent"));
    assertFalse(offer.has("absent"));
  }

  @Test
  void unescapesQuotedPairs() {
    assertEquals(Optional.of("ab"), only("e; p=\"a\\b\"").value("p"));
  }

  @Test
  void toleratesWhitespaceAroundEverySeparator() {
    ExtensionOffer offer =
        only(
            " \tpermessage-deflate \t;\t client_max_window_bits = 12 ;server_no_context_takeover"
                + "\t");
    assertEquals(Optional.of("12"), offer.value("client_max_window_bits"));
    assertTrue(offer.has("server_no_context_takeover"));
    assertEquals(2, offer.params().size());
  }

  @Test
  void parsesSeveralOffersAcrossSeveralFields() {
    Extensions extensions =
        Extensions.parse(
            List.of(
                "permessage-deflate; client_max_window_bits=10, permessage-deflate",
                "x-webkit-deflate-frame"));
    assertEquals(
        List.of("permessage-deflate", "permessage-deflate", "x-webkit-deflate-frame"),
        extensions.names());
    assertEquals(Optional.of("10"), extensions.offers().get(0).value("client_max_window_bits"));
    assertTrue(extensions.contains("X-WEBKIT-DEFLATE-FRAME"));
    assertFalse(extensions.contains("deflate"));
  }

  @Test
  void skipsEmptyListElements() {
    assertEquals(List.of("a", "b"), Extensions.parse(", a ,, b ,").names());
    assertEquals(Extensions.NONE.offers(), Extensions.parse(" , ").offers());
    assertFalse(Extensions.parse("").isMalformed());
    assertEquals(Extensions.NONE, Extensions.parse(List.of()));
  }

  @Test
  void keepsDuplicateParametersDetectable() {
    ExtensionOffer offer =
        only("permessage-deflate; server_max_window_bits=10; SERVER_MAX_WINDOW_BITS=11");
    assertEquals(2, offer.count("server_max_window_bits"));
    assertTrue(offer.hasDuplicateParams());
    assertEquals(Optional.of("10"), offer.value("server_max_window_bits"));
    assertFalse(only("e; a; b=1").hasDuplicateParams());
  }

  @Test
  void reportsMalformedHeadersWithoutThrowing() {
    List<String> malformed =
        List.of(
            ";",
            "e;",
            "e; ",
            "; p",
            "e; =1",
            "e; p=",
            "e; p= ;",
            "e; p=\"unterminated",
            "e; p=\"a b\"",
            "e; p=\"\"",
            "e; p=\"trailing\\",
            "e p",
            "e; p q",
            "e; p=1 2",
            "e; p=a/b",
            "\"quoted-name\"",
            "e, ;",
            "e; p=\"1\"x",
            "é");
    for (String header : malformed) {
      Extensions extensions = Extensions.parse(header);
      assertTrue(extensions.isMalformed(), header);
      assertEquals(List.of(), extensions.offers(), header);
      assertTrue(extensions.error().orElseThrow().contains("Sec-WebSocket-Extensions"), header);
    }
  }

  @Test
  void oneMalformedFieldSpoilsTheWholeHeader() {
    assertTrue(Extensions.parse(List.of("permessage-deflate", "x; =")).isMalformed());
  }

  @Test
  void offerPrintsInHeaderForm() {
    assertEquals(
        "permessage-deflate; client_max_window_bits; server_max_window_bits=10",
        only("permessage-deflate ;client_max_window_bits;server_max_window_bits=\"10\"")
            .toString());
  }
}
