package io.asyncws.runtime.deflate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.asyncws.runtime.handshake.Extensions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** Both roles of the permessage-deflate negotiation (RFC 7692 §7.1), as tables. */
@Timeout(10)
class DeflateNegotiationTest {
  /** The server's answer to an offer header, or "declined". */
  private static String serverAnswer(String offers) {
    return DeflateNegotiation.accept(Extensions.parse(offers))
        .map(DeflateParameters::toHeader)
        .orElse("declined");
  }

  @ParameterizedTest(name = "[{index}] {0} -> {1}")
  @CsvSource(
      delimiter = '|',
      value = {
        // every parameter alone
        "permessage-deflate | permessage-deflate",
        "permessage-deflate; server_no_context_takeover"
            + " | permessage-deflate; server_no_context_takeover",
        "permessage-deflate; client_no_context_takeover"
            + " | permessage-deflate; client_no_context_takeover",
        // accepted windows are stated back (§7.1.2.1); below 15 we compress within the window
        "permessage-deflate; server_max_window_bits=10"
            + " | permessage-deflate; server_max_window_bits=10",
        "permessage-deflate; server_max_window_bits=8 | permessage-deflate; server_max_window_bits=8",
        "permessage-deflate; server_max_window_bits=\"15\""
            + " | permessage-deflate; server_max_window_bits=15",
        // the client allows us to limit its window; our inflater takes any, so we do not
        "permessage-deflate; client_max_window_bits | permessage-deflate",
        "permessage-deflate; client_max_window_bits=9 | permessage-deflate",
        // everything at once, names in any case
        "Permessage-Deflate; Server_No_Context_Takeover; CLIENT_NO_CONTEXT_TAKEOVER;"
            + " server_max_window_bits=12; client_max_window_bits"
            + " | permessage-deflate; server_no_context_takeover; client_no_context_takeover;"
            + " server_max_window_bits=12",
      })
  void serverAcceptsValidOffers(String offer, String answer) {
    assertEquals(answer, serverAnswer(offer));
  }

  @ParameterizedTest(name = "[{index}] {0}")
  @ValueSource(
      strings = {
        "permessage-deflate; server_no_context_takeover; server_no_context_takeover", // duplicate
        "permessage-deflate; client_max_window_bits; client_max_window_bits=10", // duplicate
        "permessage-deflate; server_max_window_bits=10; server_max_window_bits=10", // duplicate
        "permessage-deflate; server_no_context_takeover=1", // takes no value
        "permessage-deflate; client_no_context_takeover=true", // takes no value
        "permessage-deflate; server_max_window_bits", // needs a value
        "permessage-deflate; server_max_window_bits=7", // below range
        "permessage-deflate; server_max_window_bits=16", // above range
        "permessage-deflate; server_max_window_bits=0",
        "permessage-deflate; server_max_window_bits=010", // leading zero
        "permessage-deflate; server_max_window_bits=+9", // sign
        "permessage-deflate; server_max_window_bits=abc",
        "permessage-deflate; client_max_window_bits=16",
        "permessage-deflate; client_max_window_bits=7",
        "permessage-deflate; mystery_parameter", // unknown
        "x-webkit-deflate-frame", // another extension
        "permessage-deflate; server_max_window_bits=\"1 0\"", // malformed header
        "permessage-deflate;;", // malformed header
        "permessage-deflate, ;", // malformed header
      })
  void serverDeclinesOffersItCannotHonour(String offer) {
    assertEquals("declined", serverAnswer(offer));
  }

  @ParameterizedTest(name = "[{index}] {0} -> {1}")
  @CsvSource(
      delimiter = '|',
      value = {
        // the first acceptable offer wins; broken ones are skipped
        "permessage-deflate; server_max_window_bits=20, permessage-deflate; client_no_context_takeover"
            + " | permessage-deflate; client_no_context_takeover",
        "x-foo, permessage-deflate; bogus, permessage-deflate | permessage-deflate",
        "permessage-deflate; server_no_context_takeover, permessage-deflate"
            + " | permessage-deflate; server_no_context_takeover",
        // the browser's offer
        "permessage-deflate; client_max_window_bits | permessage-deflate",
      })
  void serverTakesFirstAcceptableOfSeveralOffers(String offers, String answer) {
    assertEquals(answer, serverAnswer(offers));
  }

  @Test
  void serverDeclinesWhenNothingIsOffered() {
    assertEquals("declined", serverAnswer(""));
  }

  /** What a client makes of the server's answer; exceptions become "fail". */
  private static String clientView(String response) {
    try {
      return DeflateNegotiation.checkResponse(Extensions.parse(response))
          .map(DeflateParameters::toString)
          .orElse("none");
    } catch (IllegalArgumentException e) {
      return "fail";
    }
  }

  @ParameterizedTest(name = "[{index}] {0} -> {1}")
  @CsvSource(
      delimiter = '|',
      value = {
        " | none",
        "permessage-deflate | DeflateParameters[serverNoContextTakeover=false,"
            + " clientNoContextTakeover=false, serverMaxWindowBits=0, clientMaxWindowBits=0]",
        "permessage-deflate; server_no_context_takeover; client_no_context_takeover"
            + " | DeflateParameters[serverNoContextTakeover=true, clientNoContextTakeover=true,"
            + " serverMaxWindowBits=0, clientMaxWindowBits=0]",
        "permessage-deflate; client_max_window_bits=9; server_max_window_bits=\"11\""
            + " | DeflateParameters[serverNoContextTakeover=false, clientNoContextTakeover=false,"
            + " serverMaxWindowBits=11, clientMaxWindowBits=9]",
        // broken answers fail the connection
        "permessage-deflate; client_max_window_bits | fail", // needs a value in a response
        "permessage-deflate; server_max_window_bits | fail",
        "permessage-deflate; client_max_window_bits=16 | fail",
        "permessage-deflate; server_max_window_bits=7 | fail",
        "permessage-deflate; server_no_context_takeover=1 | fail",
        "permessage-deflate; client_no_context_takeover; client_no_context_takeover | fail",
        "permessage-deflate; unknown | fail",
        "permessage-deflate, permessage-deflate | fail",
      })
  void clientChecksServerResponse(String response, String view) {
    assertEquals(view, clientView(response == null ? "" : response));
  }

  @Test
  void clientOfferLetsServerLimitOurWindow() {
    assertEquals("permessage-deflate; client_max_window_bits", DeflateNegotiation.CLIENT_OFFER);
  }

  @Test
  void parametersRejectWindowsOutOfRange() {
    assertThrows(IllegalArgumentException.class, () -> new DeflateParameters(false, false, 7, 0));
    assertThrows(IllegalArgumentException.class, () -> new DeflateParameters(false, false, 0, 16));
  }
}
