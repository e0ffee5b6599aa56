package io.asyncws.runtime.handshake;

import static io.asyncws.runtime.handshake.TestHeads.head;
import static io.asyncws.runtime.handshake.TestHeads.hex;
import static io.asyncws.runtime.handshake.TestHeads.latin1;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.ByteBuffer;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(10)
class HttpHeadDecoderTest {
  /** The client handshake of RFC 6455 §1.2. */
  private static final String RFC_REQUEST =
      head(
          "GET /chat HTTP/1.1",
          "Host: server.example.com",
          "Upgrade: websocket",
          "Connection: Upgrade",
          "Sec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==",
          "Origin: http://example.com",
          "Sec-WebSocket-Protocol: chat, superchat",
          "Sec-WebSocket-Version: 13");

  private static HttpHeadDecoder<HttpHead.Request> requests() {
    return HttpHeadDecoder.forRequests(16384, 100);
  }

  private static int statusOf(String text) {
    HandshakeException e =
        assertThrows(HandshakeException.class, () -> requests().feed(latin1(text)), text);
    return e.status();
  }

  @Test
  void serverDecodesRfcExampleRequest() throws Exception {
    ByteBuffer in = latin1(RFC_REQUEST);
    HttpHead.Request request = requests().feed(in);
    assertNotNull(request);
    assertFalse(in.hasRemaining());
    assertEquals("GET", request.method());
    assertEquals("/chat", request.target());
    assertEquals("HTTP/1.1", request.version());
    assertEquals(7, request.headers().size());
    assertEquals(Optional.of("chat, superchat"), request.headers().first("sec-websocket-protocol"));
  }

  @Test
  void serverDecodesHeadSplitAtEveryBytePosition() throws Exception {
    HttpHead.Request whole = requests().feed(latin1(RFC_REQUEST));
    byte[] bytes = RFC_REQUEST.getBytes(java.nio.charset.StandardCharsets.ISO_8859_1);
    for (int split = 0; split <= bytes.length; split++) {
      HttpHeadDecoder<HttpHead.Request> decoder = requests();
      ByteBuffer first = ByteBuffer.wrap(bytes, 0, split);
      HttpHead.Request early = decoder.feed(first);
      if (split < bytes.length) {
        assertNull(early, "complete after only " + split + " bytes");
        assertFalse(first.hasRemaining(), "an incomplete head must be consumed entirely");
        ByteBuffer second = ByteBuffer.wrap(bytes, split, bytes.length - split);
        assertEquals(whole, decoder.feed(second), "split at " + split);
        assertFalse(second.hasRemaining());
      } else {
        assertEquals(whole, early);
      }
    }
  }

  @Test
  void serverDecodesHeadFedOneByteAtATime() throws Exception {
    HttpHeadDecoder<HttpHead.Request> decoder = requests();
    byte[] bytes = RFC_REQUEST.getBytes(java.nio.charset.StandardCharsets.ISO_8859_1);
    HttpHead.Request result = null;
    for (int i = 0; i < bytes.length; i++) {
      assertNull(result, "complete before byte " + i);
      result = decoder.feed(ByteBuffer.wrap(bytes, i, 1));
    }
    assertEquals(requests().feed(latin1(RFC_REQUEST)), result);
  }

  @Test
  void serverDecodesInterleavedHeadsOnOneThreadWithLinesCutMidway() throws Exception {
    // Decoders share a per-thread line array while feeding: a line one of them holds across
    // reads must survive another decoding a head (with a line longer than the array) meanwhile.
    String longValue = "x".repeat(600);
    String other = head("GET /other HTTP/1.1", "Host: b", "X-Long: " + longValue);
    HttpHeadDecoder<HttpHead.Request> first = requests();
    HttpHeadDecoder<HttpHead.Request> second = requests();
    int cut = RFC_REQUEST.indexOf("websocket") + 3; // inside the Upgrade line
    assertNull(first.feed(latin1(RFC_REQUEST.substring(0, cut))));
    assertNull(second.feed(latin1(other.substring(0, other.length() - 100))));
    HttpHead.Request secondHead = second.feed(latin1(other.substring(other.length() - 100)));
    HttpHead.Request firstHead = first.feed(latin1(RFC_REQUEST.substring(cut)));
    assertEquals(requests().feed(latin1(RFC_REQUEST)), firstHead);
    assertEquals(Optional.of(longValue), secondHead.headers().first("X-Long"));
    assertEquals("/other", secondHead.target());
  }

  @Test
  void clientLeavesFrameBytesAfterTheHeadInTheBuffer() throws Exception {
    String head = head("HTTP/1.1 101 Switching Protocols", "Upgrade: websocket");
    ByteBuffer in = latin1(head + "\u0089\u0000\u008a\u0000"); // ping, then pong, both empty
    HttpHead.Response response = HttpHeadDecoder.forResponses(16384, 100).feed(in);
    assertEquals(101, response.status());
    assertEquals("89008a00", hex(in));
  }

  @Test
  void decoderIsSpentAfterAHead() throws Exception {
    HttpHeadDecoder<HttpHead.Request> decoder = requests();
    decoder.feed(latin1(RFC_REQUEST));
    assertThrows(IllegalStateException.class, () -> decoder.feed(latin1(RFC_REQUEST)));
  }

  @Test
  void decoderIsSpentAfterAnError() {
    HttpHeadDecoder<HttpHead.Request> decoder = requests();
    assertThrows(HandshakeException.class, () -> decoder.feed(latin1("GET / HTTP/1.1\n")));
    assertThrows(IllegalStateException.class, () -> decoder.feed(latin1(RFC_REQUEST)));
  }

  @Test
  void serverSkipsEmptyLinesBeforeTheRequestLine() throws Exception {
    HttpHead.Request request =
        requests().feed(latin1("\r\n\r\n" + head("GET / HTTP/1.1", "Host: a")));
    assertEquals("/", request.target());
  }

  @Test
  void serverTrimsWhitespaceAroundValuesAndKeepsEmptyValues() throws Exception {
    HttpHead.Request request =
        TestHeads.request("GET / HTTP/1.1", "Host: \t a.example \t", "X-Empty:", "X-Bare:x");
    assertEquals(Optional.of("a.example"), request.headers().first("Host"));
    assertEquals(Optional.of(""), request.headers().first("X-Empty"));
    assertEquals(Optional.of("x"), request.headers().first("X-Bare"));
  }

  @Test
  void serverDecodesHighBytesOfValuesAsLatin1() throws Exception {
    HttpHead.Request request = TestHeads.request("GET / HTTP/1.1", "X-Name: caf\u00e9");
    assertEquals(Optional.of("caf\u00e9"), request.headers().first("X-Name"));
  }

  @Test
  void serverRejectsBareLfAndLoneCr() {
    assertEquals(400, statusOf("GET / HTTP/1.1\nHost: a\r\n\r\n"));
    assertEquals(400, statusOf("GET / HTTP/1.1\r\nHost: a\n\r\n"));
    assertEquals(400, statusOf("GET / HTTP/1.1\r\nHost: a\r\n\n"));
    assertEquals(400, statusOf("GET / HTTP/1.1\r\nHost: a\rb\r\n\r\n"));
  }

  @Test
  void serverRejectsWhitespaceBeforeColon() {
    assertEquals(400, statusOf(head("GET / HTTP/1.1", "Host : a")));
    assertEquals(400, statusOf(head("GET / HTTP/1.1", "Host\t: a")));
  }

  @Test
  void serverRejectsObsoleteLineFolding() {
    assertEquals(400, statusOf(head("GET / HTTP/1.1", "X-Long: a", " continued")));
    assertEquals(400, statusOf(head("GET / HTTP/1.1", "X-Long: a", "\tcontinued")));
  }

  @Test
  void serverRejectsMalformedHeaderLines() {
    for (String line :
        List.of(
            "NoColon",
            ": empty name",
            "Bad\u00e9Name: x",
            "Bad(Name): x",
            "X: nul\u0000",
            "X: esc\u001b",
            "X: del\u007f")) {
      assertEquals(400, statusOf(head("GET / HTTP/1.1", line)), line);
    }
  }

  @Test
  void serverRejectsMalformedRequestLines() {
    for (String line :
        List.of(
            "GET  / HTTP/1.1",
            "GET /  HTTP/1.1",
            "GET /",
            "GET / HTTP/1.1 extra",
            "GET / http/1.1",
            "GET / HTTP/1",
            "GET / HTTP/11.1",
            "G(T / HTTP/1.1",
            " GET / HTTP/1.1",
            "GET /\u00e9 HTTP/1.1",
            "GET / HTTP/1.1\t")) {
      assertEquals(400, statusOf(head(line, "Host: a")), line);
    }
  }

  @Test
  void serverAnswers431WhenTheHeadExceedsMaxBytes() throws Exception {
    String text = head("GET / HTTP/1.1", "Host: a"); // 27 bytes
    assertNotNull(HttpHeadDecoder.forRequests(text.length(), 100).feed(latin1(text)));
    HandshakeException e =
        assertThrows(
            HandshakeException.class,
            () -> HttpHeadDecoder.forRequests(text.length() - 1, 100).feed(latin1(text)));
    assertEquals(431, e.status());
  }

  @Test
  void serverAnswers431BeforeAnEndlessHeaderArrivesWhole() throws Exception {
    HttpHeadDecoder<HttpHead.Request> decoder = HttpHeadDecoder.forRequests(1024, 100);
    assertNull(decoder.feed(latin1("GET / HTTP/1.1\r\nX: ")));
    ByteBuffer endless = latin1("a".repeat(2000));
    HandshakeException e = assertThrows(HandshakeException.class, () -> decoder.feed(endless));
    assertEquals(431, e.status());
    // 19 bytes came before; 1005 more fit the limit, the one after them is the error.
    assertEquals(2000 - (1024 - 19) - 1, endless.remaining(), "stops reading at the limit");
  }

  @Test
  void serverAnswers431AboveTheHeaderCountLimit() throws Exception {
    String[] lines = new String[4];
    lines[0] = "GET / HTTP/1.1";
    for (int i = 1; i < lines.length; i++) lines[i] = "X-" + i + ": v";
    assertEquals(
        3, HttpHeadDecoder.forRequests(1024, 3).feed(latin1(head(lines))).headers().size());
    HandshakeException e =
        assertThrows(
            HandshakeException.class,
            () -> HttpHeadDecoder.forRequests(1024, 2).feed(latin1(head(lines))));
    assertEquals(431, e.status());
  }

  @Test
  void clientDecodesStatusLineWithAndWithoutReason() throws Exception {
    HttpHead.Response forbidden = TestHeads.response("HTTP/1.1 403 Forbidden by policy");
    assertEquals(403, forbidden.status());
    assertEquals("Forbidden by policy", forbidden.reason());
    assertEquals("403 Forbidden by policy", forbidden.statusText());
    HttpHead.Response bare = TestHeads.response("HTTP/1.1 101");
    assertEquals(101, bare.status());
    assertEquals("", bare.reason());
    assertEquals("101", bare.statusText());
  }

  @Test
  void clientRejectsMalformedStatusLines() {
    for (String line :
        List.of(
            "HTTP/1.1 1O1 Switching",
            "HTTP/1.1  101 x",
            "HTTP/1.1 1010 x",
            "HTTP/1.1",
            "ICY 200 OK",
            "HTTP/1.1 101 a\u0000")) {
      assertThrows(
          HandshakeException.class,
          () -> HttpHeadDecoder.forResponses(1024, 10).feed(latin1(head(line))),
          line);
    }
  }

  @Test
  void clientDoesNotSkipEmptyLinesBeforeTheStatusLine() {
    assertThrows(
        HandshakeException.class,
        () ->
            HttpHeadDecoder.forResponses(1024, 10).feed(latin1("\r\n" + head("HTTP/1.1 101 OK"))));
  }

  @Test
  void limitsMustBePositive() {
    assertThrows(IllegalArgumentException.class, () -> HttpHeadDecoder.forRequests(0, 10));
    assertThrows(IllegalArgumentException.class, () -> HttpHeadDecoder.forResponses(10, 0));
  }
}
