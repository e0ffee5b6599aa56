package io.asyncws.runtime.handshake;

import static io.asyncws.runtime.handshake.TestHeads.head;
import static io.asyncws.runtime.handshake.TestHeads.text;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(10)
class ServerHandshakeTest {
  private static final String KEY = "dGhlIHNhbXBsZSBub25jZQ=="; // base64 of "the sample nonce"

  private static final List<String> VALID =
      List.of(
          "Host: server.example.com",
          "Upgrade: websocket",
          "Connection: Upgrade",
          "Sec-WebSocket-Key: " + KEY,
          "Sec-WebSocket-Version: 13");

  /** The valid request with every field called {@code name} replaced by {@code lines}. */
  private static HttpHead.Request with(String name, String... lines) throws HandshakeException {
    List<String> all = new ArrayList<>();
    all.add("GET /chat HTTP/1.1");
    String prefix = name.toLowerCase(Locale.ROOT) + ":";
    for (String line : VALID) {
      if (!line.toLowerCase(Locale.ROOT).startsWith(prefix)) all.add(line);
    }
    all.addAll(List.of(lines));
    return TestHeads.request(all.toArray(String[]::new));
  }

  private static HttpHead.Request withRequestLine(String requestLine) throws HandshakeException {
    List<String> all = new ArrayList<>(VALID);
    all.add(0, requestLine);
    return TestHeads.request(all.toArray(String[]::new));
  }

  private static HandshakeException refused(HttpHead.Request request) {
    return assertThrows(HandshakeException.class, () -> ServerHandshake.validate(request));
  }

  @Test
  void serverAcceptsRfcExampleAndAnswersItByteExact() throws Exception {
    UpgradeRequest upgrade =
        ServerHandshake.validate(
            TestHeads.request(
                "GET /chat HTTP/1.1",
                "Host: server.example.com",
                "Upgrade: websocket",
                "Connection: Upgrade",
                "Sec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==",
                "Origin: http://example.com",
                "Sec-WebSocket-Protocol: chat, superchat",
                "Sec-WebSocket-Version: 13"));
    assertEquals("/chat", upgrade.path());
    assertEquals(Optional.of("http://example.com"), upgrade.origin());
    assertEquals(List.of("chat", "superchat"), upgrade.subprotocols());
    assertEquals(KEY, upgrade.key());
    assertEquals(Extensions.NONE, upgrade.extensions());
    // RFC 6455 §1.2, the server's handshake.
    assertEquals(
        head(
            "HTTP/1.1 101 Switching Protocols",
            "Upgrade: websocket",
            "Connection: Upgrade",
            "Sec-WebSocket-Accept: s3pPLMBiTxaQ9kYGzzhZRbK+xOo=",
            "Sec-WebSocket-Protocol: chat"),
        text(ServerHandshake.acceptResponse(upgrade, "chat", null, Headers.EMPTY)));
  }

  @Test
  void serverAcceptResponseCarriesExtensionsThenExtraHeaders() throws Exception {
    UpgradeRequest upgrade =
        ServerHandshake.validate(
            with("X", "Sec-WebSocket-Extensions: permessage-deflate; client_max_window_bits"));
    assertEquals(
        head(
            "HTTP/1.1 101 Switching Protocols",
            "Upgrade: websocket",
            "Connection: Upgrade",
            "Sec-WebSocket-Accept: s3pPLMBiTxaQ9kYGzzhZRbK+xOo=",
            "Sec-WebSocket-Extensions: permessage-deflate; server_no_context_takeover",
            "Set-Cookie: id=1"),
        text(
            ServerHandshake.acceptResponse(
                upgrade,
                null,
                "permessage-deflate; server_no_context_takeover",
                Headers.of("Set-Cookie", "id=1"))));
  }

  @Test
  void serverAcceptResponseRefusesWhatWasNotOffered() throws Exception {
    UpgradeRequest upgrade = ServerHandshake.validate(with("X", "Sec-WebSocket-Protocol: chat"));
    assertThrows(
        IllegalArgumentException.class,
        () -> ServerHandshake.acceptResponse(upgrade, "superchat", null, Headers.EMPTY));
    assertThrows(
        IllegalArgumentException.class,
        () -> ServerHandshake.acceptResponse(upgrade, null, "permessage-deflate", Headers.EMPTY));
    assertThrows(
        IllegalArgumentException.class,
        () ->
            ServerHandshake.acceptResponse(
                upgrade, null, null, Headers.of("Sec-WebSocket-Accept", "x")));
    assertThrows(
        IllegalArgumentException.class,
        () ->
            ServerHandshake.acceptResponse(upgrade, null, null, Headers.of("connection", "close")));
  }

  @Test
  void serverAnswers405WithAllowToPost() throws Exception {
    HandshakeException e = refused(withRequestLine("POST /chat HTTP/1.1"));
    assertEquals(405, e.status());
    assertEquals(Headers.of("Allow", "GET"), e.headers());
    String body = e.getMessage();
    assertEquals(
        head(
                "HTTP/1.1 405 Method Not Allowed",
                "Allow: GET",
                "Connection: close",
                "Content-Type: text/plain; charset=utf-8",
                "Content-Length: " + body.length())
            + body,
        text(ServerHandshake.errorResponse(e)));
  }

  @Test
  void serverTreatsMethodCaseSensitively() throws Exception {
    assertEquals(405, refused(withRequestLine("get /chat HTTP/1.1")).status());
  }

  @Test
  void serverRefusesHttp10With400AndHttp2With505() throws Exception {
    assertEquals(400, refused(withRequestLine("GET /chat HTTP/1.0")).status());
    assertEquals(505, refused(withRequestLine("GET /chat HTTP/2.0")).status());
  }

  @Test
  void serverAcceptsLaterHttp1MinorVersions() throws Exception {
    assertEquals("/chat", ServerHandshake.validate(withRequestLine("GET /chat HTTP/1.2")).path());
  }

  @Test
  void serverRefusesMissingDuplicateOrEmptyHost() throws Exception {
    assertEquals(400, refused(with("Host")).status());
    assertEquals(400, refused(with("Host", "Host: a", "Host: b")).status());
    assertEquals(400, refused(with("Host", "Host:")).status());
  }

  @Test
  void serverAnswers426WithUpgradeHeaderWhenUpgradeIsMissing() throws Exception {
    for (HttpHead.Request request :
        List.of(
            with("Upgrade"),
            with("Upgrade", "Upgrade: h2c"),
            with("Upgrade", "Upgrade: websockets"))) {
      HandshakeException e = refused(request);
      assertEquals(426, e.status());
      assertTrue(e.headers().hasToken("Upgrade", "websocket"));
      assertEquals(Optional.of("13"), e.headers().first("Sec-WebSocket-Version"));
    }
  }

  @Test
  void serverAcceptsUpgradeAndConnectionTokensInListsAndAnyCase() throws Exception {
    ServerHandshake.validate(with("Upgrade", "Upgrade: WebSocket"));
    ServerHandshake.validate(with("Upgrade", "Upgrade: foo, websocket"));
    ServerHandshake.validate(with("Upgrade", "Upgrade: websocket, foo"));
    ServerHandshake.validate(with("Upgrade", "Upgrade: h2c", "Upgrade: websocket"));
    ServerHandshake.validate(with("Connection", "Connection: keep-alive, Upgrade"));
    ServerHandshake.validate(with("Connection", "Connection: keep-alive,upgrade"));
    ServerHandshake.validate(with("Connection", "Connection: UPGRADE"));
    ServerHandshake.validate(with("Connection", "Connection: keep-alive", "Connection: Upgrade"));
  }

  @Test
  void serverRefusesConnectionWithoutUpgradeOption() throws Exception {
    assertEquals(400, refused(with("Connection")).status());
    assertEquals(400, refused(with("Connection", "Connection: keep-alive")).status());
    assertEquals(400, refused(with("Connection", "Connection: upgraded")).status());
  }

  @Test
  void serverAnswers426WithVersionHeaderToOtherVersions() throws Exception {
    for (HttpHead.Request request :
        List.of(
            with("Sec-WebSocket-Version", "Sec-WebSocket-Version: 8"),
            with("Sec-WebSocket-Version"),
            with("Sec-WebSocket-Version", "Sec-WebSocket-Version: 13, 8"),
            with(
                "Sec-WebSocket-Version",
                "Sec-WebSocket-Version: 13",
                "Sec-WebSocket-Version: 13"))) {
      HandshakeException e = refused(request);
      assertEquals(426, e.status());
      assertEquals(List.of("13"), e.headers().all("Sec-WebSocket-Version"));
    }
  }

  @Test
  void serverWrites426ByteExact() throws Exception {
    HandshakeException e = refused(with("Sec-WebSocket-Version", "Sec-WebSocket-Version: 8"));
    String body = "Sec-WebSocket-Version must be 13, not 8.";
    assertEquals(body, e.getMessage());
    assertEquals(
        head(
                "HTTP/1.1 426 Upgrade Required",
                "Sec-WebSocket-Version: 13",
                "Upgrade: websocket",
                "Connection: Upgrade, close",
                "Content-Type: text/plain; charset=utf-8",
                "Content-Length: 40")
            + body,
        text(ServerHandshake.errorResponse(e)));
  }

  @Test
  void serverRefusesRequestsWithABody() throws Exception {
    assertEquals(400, refused(with("X", "Content-Length: 5")).status());
    assertEquals(400, refused(with("X", "Transfer-Encoding: chunked")).status());
    assertEquals(400, refused(with("X", "Content-Length: 0", "Content-Length: 1")).status());
    assertEquals(KEY, ServerHandshake.validate(with("X", "Content-Length: 0")).key());
  }

  @Test
  void serverRefusesBadKeys() throws Exception {
    List<String[]> keys =
        List.of(
            new String[0], // missing
            new String[] {"Sec-WebSocket-Key: " + KEY, "Sec-WebSocket-Key: " + KEY}, // twice
            new String[] {"Sec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ"}, // padding dropped
            new String[] {"Sec-WebSocket-Key: dGhlIHNhbXBsZSBub25j"}, // 15 bytes
            new String[] {"Sec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZSE="}, // 17 bytes
            new String[] {"Sec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZR=="}, // non-zero padding bits
            new String[] {"Sec-WebSocket-Key: dGhlIHNhbXBsZSBub25j!Q=="}, // not base64
            new String[] {"Sec-WebSocket-Key: dGhlIHNhbXBsZSBub2 5jZQ=="}, // inner space
            new String[] {"Sec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==, dGhlIHNhbXBsZSBub25jZQ=="},
            new String[] {"Sec-WebSocket-Key:"});
    for (String[] lines : keys) {
      assertEquals(
          400, refused(with("Sec-WebSocket-Key", lines)).status(), String.join("|", lines));
    }
  }

  @Test
  void serverAcceptsAnyWellFormedKey() throws Exception {
    String key = "AAAAAAAAAAAAAAAAAAAAAA=="; // 16 zero bytes
    assertEquals(
        key,
        ServerHandshake.validate(with("Sec-WebSocket-Key", "Sec-WebSocket-Key: " + key)).key());
  }

  @Test
  void serverKeepsSubprotocolOrderAcrossFields() throws Exception {
    UpgradeRequest upgrade =
        ServerHandshake.validate(
            with("X", "Sec-WebSocket-Protocol: v2.chat,  v1.chat", "Sec-WebSocket-Protocol: mqtt"));
    assertEquals(List.of("v2.chat", "v1.chat", "mqtt"), upgrade.subprotocols());
  }

  @Test
  void serverRefusesSubprotocolsThatAreNotTokens() throws Exception {
    assertEquals(400, refused(with("X", "Sec-WebSocket-Protocol: chat, \"quoted\"")).status());
    assertEquals(400, refused(with("X", "Sec-WebSocket-Protocol: a b")).status());
  }

  @Test
  void serverGoesOnWithoutExtensionsWhenTheOfferIsMalformed() throws Exception {
    UpgradeRequest upgrade =
        ServerHandshake.validate(with("X", "Sec-WebSocket-Extensions: permessage-deflate; =1"));
    assertTrue(upgrade.extensions().isMalformed());
    assertEquals(List.of(), upgrade.extensions().offers());
  }

  @Test
  void serverSplitsAndDecodesPathAndQuery() throws Exception {
    UpgradeRequest upgrade =
        ServerHandshake.validate(
            withRequestLine(
                "GET /r%C3%A9union/a+b?room=caf%C3%A9&tag=a+b&tag=c&flag&&x=%3D HTTP/1.1"));
    assertEquals("/r%C3%A9union/a+b", upgrade.rawPath());
    assertEquals("/r\u00e9union/a+b", upgrade.path());
    assertEquals("room=caf%C3%A9&tag=a+b&tag=c&flag&&x=%3D", upgrade.rawQuery());
    assertEquals(
        Map.of(
            "room",
            List.of("caf\u00e9"),
            "tag",
            List.of("a b", "c"),
            "flag",
            List.of(""),
            "x",
            List.of("=")),
        upgrade.queryParameters());
    assertEquals(
        List.of("room", "tag", "flag", "x"), List.copyOf(upgrade.queryParameters().keySet()));
    assertEquals(Optional.of("a b"), upgrade.queryParameter("tag"));
    assertEquals(Optional.empty(), upgrade.queryParameter("missing"));
  }

  @Test
  void serverAcceptsBrowserQueryCharactersThatUriRejects() throws Exception {
    UpgradeRequest upgrade = ServerHandshake.validate(withRequestLine("GET /?f={a|b}^ HTTP/1.1"));
    assertEquals(List.of("{a|b}^"), upgrade.queryParameters().get("f"));
  }

  @Test
  void serverAcceptsAbsoluteFormTargets() throws Exception {
    UpgradeRequest upgrade =
        ServerHandshake.validate(withRequestLine("GET ws://h.example:8080/chat?a=1 HTTP/1.1"));
    assertEquals("/chat", upgrade.path());
    assertEquals("a=1", upgrade.rawQuery());
    assertEquals(
        "/", ServerHandshake.validate(withRequestLine("GET http://h.example HTTP/1.1")).path());
    assertEquals("", ServerHandshake.validate(withRequestLine("GET /chat HTTP/1.1")).rawQuery());
  }

  @Test
  void serverRefusesMalformedTargets() throws Exception {
    for (String target :
        List.of("*", "chat", "h.example:443", "/a#frag", "/a%2", "/a%zz", "/a%C3", "/?x=%FF")) {
      assertEquals(400, refused(withRequestLine("GET " + target + " HTTP/1.1")).status(), target);
    }
  }

  @Test
  void serverRejectResponseCarriesAnyStatusAndHeaders() {
    assertEquals(
        head(
                "HTTP/1.1 403 Forbidden",
                "X-Reason: origin",
                "Connection: close",
                "Content-Type: text/plain; charset=utf-8",
                "Content-Length: 5")
            + "no \u00c3\u00a9", // "no é" in UTF-8, shown as Latin-1
        text(ServerHandshake.rejectResponse(403, Headers.of("X-Reason", "origin"), "no \u00e9")));
    assertEquals(
        head(
            "HTTP/1.1 302 Found",
            "Location: /elsewhere",
            "Content-Type: text/html",
            "Connection: close",
            "Content-Length: 0"),
        text(
            ServerHandshake.rejectResponse(
                302, Headers.of("Location", "/elsewhere", "Content-Type", "text/html"), "")));
  }

  @Test
  void serverRejectResponseRefusesBadStatusesAndFramingHeaders() {
    assertThrows(
        IllegalArgumentException.class,
        () -> ServerHandshake.rejectResponse(101, Headers.EMPTY, ""));
    assertThrows(
        IllegalArgumentException.class,
        () -> ServerHandshake.rejectResponse(200, Headers.EMPTY, ""));
    assertThrows(
        IllegalArgumentException.class,
        () -> ServerHandshake.rejectResponse(600, Headers.EMPTY, ""));
    assertThrows(
        IllegalArgumentException.class,
        () -> ServerHandshake.rejectResponse(403, Headers.of("Content-Length", "5"), ""));
    assertThrows(
        IllegalArgumentException.class,
        () -> ServerHandshake.rejectResponse(403, Headers.of("Transfer-Encoding", "chunked"), ""));
    assertThrows(IllegalArgumentException.class, () -> new HandshakeException(200, "ok"));
  }

  @Test
  void serverExposesAllRequestHeadersToTheApplication() throws Exception {
    UpgradeRequest upgrade = ServerHandshake.validate(with("X", "Cookie: a=1", "cookie: b=2"));
    assertEquals(List.of("a=1", "b=2"), upgrade.headers().toMap().get("Cookie"));
    assertFalse(upgrade.origin().isPresent());
  }
}
