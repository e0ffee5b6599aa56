package io.asyncws.runtime.handshake;

import static io.asyncws.runtime.handshake.TestHeads.head;
import static io.asyncws.runtime.handshake.TestHeads.hex;
import static io.asyncws.runtime.handshake.TestHeads.latin1;
import static io.asyncws.runtime.handshake.TestHeads.text;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(10)
class ClientHandshakeTest {
  private static final String ACCEPT = "s3pPLMBiTxaQ9kYGzzhZRbK+xOo="; // for the RFC's sample key

  /** Fills every request for bytes with the RFC's sample nonce, so the key is the RFC's. */
  private static final class SampleNonce extends Random {
    private static final long serialVersionUID = 1L;

    @Override
    public void nextBytes(byte[] bytes) {
      byte[] nonce = "the sample nonce".getBytes(StandardCharsets.US_ASCII);
      System.arraycopy(nonce, 0, bytes, 0, bytes.length);
    }
  }

  private static ClientHandshake.Builder client(String uri) {
    return ClientHandshake.builder(URI.create(uri)).random(new SampleNonce());
  }

  private static ClientHandshake chatClient() {
    return client("ws://server.example.com/chat")
        .subprotocols(List.of("chat", "superchat"))
        .build();
  }

  /** The RFC's 101 response with {@code extra} lines appended. */
  private static HttpHead.Response accepted(String... extra) throws HandshakeException {
    List<String> lines =
        new ArrayList<>(
            List.of(
                "HTTP/1.1 101 Switching Protocols",
                "Upgrade: websocket",
                "Connection: Upgrade",
                "Sec-WebSocket-Accept: " + ACCEPT));
    lines.addAll(List.of(extra));
    return TestHeads.response(lines.toArray(String[]::new));
  }

  private static HandshakeFailedException fails(
      ClientHandshake client, HttpHead.Response response) {
    return assertThrows(HandshakeFailedException.class, () -> client.validate(response));
  }

  @Test
  void clientWritesRfcExampleRequestByteExact() {
    ClientHandshake client =
        client("ws://server.example.com/chat")
            .subprotocols(List.of("chat", "superchat"))
            .headers(Headers.of("Origin", "http://example.com"))
            .build();
    // RFC 6455 §1.2, the client's handshake.
    assertEquals(
        head(
            "GET /chat HTTP/1.1",
            "Host: server.example.com",
            "Upgrade: websocket",
            "Connection: Upgrade",
            "Sec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==",
            "Origin: http://example.com",
            "Sec-WebSocket-Protocol: chat, superchat",
            "Sec-WebSocket-Version: 13"),
        text(client.request()));
    assertEquals("dGhlIHNhbXBsZSBub25jZQ==", client.key());
  }

  @Test
  void clientOffersExtensionsBeforeTheVersion() {
    ClientHandshake client =
        client("ws://h/").extensions("permessage-deflate; client_max_window_bits").build();
    assertEquals(
        head(
            "GET / HTTP/1.1",
            "Host: h",
            "Upgrade: websocket",
            "Connection: Upgrade",
            "Sec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==",
            "Sec-WebSocket-Extensions: permessage-deflate; client_max_window_bits",
            "Sec-WebSocket-Version: 13"),
        text(client.request()));
  }

  @Test
  void clientOmitsDefaultPortsFromHostAndDefaultsThePath() {
    String[][] cases = {
      {"ws://h.example", "GET / HTTP/1.1", "Host: h.example", "80"},
      {"ws://h.example:80/a", "GET /a HTTP/1.1", "Host: h.example", "80"},
      {"ws://h.example:443/a", "GET /a HTTP/1.1", "Host: h.example:443", "443"},
      {"wss://h.example/a?b=c%20d", "GET /a?b=c%20d HTTP/1.1", "Host: h.example", "443"},
      {"WSS://h.example:443?x", "GET /?x HTTP/1.1", "Host: h.example", "443"},
      {"wss://h.example:80/", "GET / HTTP/1.1", "Host: h.example:80", "80"},
      {
        "ws://127.0.0.1:9001/runCase?case=1&agent=asyncws",
        "GET /runCase?case=1&agent=asyncws HTTP/1.1",
        "Host: 127.0.0.1:9001",
        "9001"
      },
      {"ws://[::1]:8080/", "GET / HTTP/1.1", "Host: [::1]:8080", "8080"},
    };
    for (String[] c : cases) {
      ClientHandshake client = client(c[0]).build();
      String[] lines = text(client.request()).split("\r\n");
      assertEquals(c[1], lines[0], c[0]);
      assertEquals(c[2], lines[1], c[0]);
      assertEquals(Integer.parseInt(c[3]), client.port(), c[0]);
    }
    assertTrue(client("wss://h").build().isSecure());
    assertFalse(client("ws://h").build().isSecure());
  }

  @Test
  void clientRefusesUnusableConfiguration() {
    for (String uri : List.of("http://h/", "h/chat", "ws:///path", "ws://h/#frag")) {
      assertThrows(IllegalArgumentException.class, () -> client(uri).build(), uri);
    }
    assertThrows(
        IllegalArgumentException.class,
        () -> client("ws://h").subprotocols(List.of("a", "a")).build());
    assertThrows(
        IllegalArgumentException.class,
        () -> client("ws://h").subprotocols(List.of("a b")).build());
    assertThrows(IllegalArgumentException.class, () -> client("ws://h").extensions("x; =").build());
    for (String name :
        List.of(
            "Host", "upgrade", "Sec-WebSocket-Key", "Sec-WebSocket-Protocol", "Content-Length")) {
      assertThrows(
          IllegalArgumentException.class,
          () -> client("ws://h").headers(Headers.of(name, "x")).build(),
          name);
    }
  }

  @Test
  void clientDrawsAFreshKeyFromTheDefaultRandom() {
    String a = ClientHandshake.builder(URI.create("ws://h")).build().key();
    String b = ClientHandshake.builder(URI.create("ws://h")).build().key();
    assertEquals(24, a.length());
    assertFalse(a.equals(b), "two attempts must not share a key");
  }

  @Test
  void clientAcceptsRfcExampleResponse() throws Exception {
    HandshakeResult result = chatClient().validate(accepted("Sec-WebSocket-Protocol: chat"));
    assertEquals("chat", result.subprotocol());
    assertEquals("", result.extensions());
    assertEquals(4, result.headers().size());
  }

  @Test
  void clientAcceptsNoSubprotocolEvenWhenOffered() throws Exception {
    assertEquals("", chatClient().validate(accepted()).subprotocol());
  }

  @Test
  void clientAcceptsUpgradeAndConnectionInListsAndAnyCase() throws Exception {
    HttpHead.Response response =
        TestHeads.response(
            "HTTP/1.1 101 Switching Protocols",
            "upgrade: WebSocket",
            "connection: keep-alive, UPGRADE",
            "sec-websocket-accept: " + ACCEPT);
    assertEquals("", chatClient().validate(response).subprotocol());
  }

  @Test
  void clientFailsWhenTheServerRefuses() throws Exception {
    HttpHead.Response forbidden = TestHeads.response("HTTP/1.1 403 Forbidden", "Content-Length: 0");
    HandshakeFailedException e = fails(chatClient(), forbidden);
    assertEquals(403, e.status());
    assertEquals(forbidden, e.response().orElseThrow());
    assertEquals(
        "The server answered 403 Forbidden instead of 101 Switching Protocols;"
            + " it refused the WebSocket upgrade.",
        e.getMessage());
  }

  @Test
  void clientNamesTheRedirectTargetButDoesNotFollowIt() throws Exception {
    HandshakeFailedException e =
        fails(chatClient(), TestHeads.response("HTTP/1.1 302 Found", "Location: wss://other/"));
    assertEquals(302, e.status());
    assertTrue(e.getMessage().contains("302 Found (to wss://other/)"), e.getMessage());
  }

  @Test
  void clientFailsOnWrongMissingOrRepeatedAccept() throws Exception {
    ClientHandshake client = chatClient();
    List<HttpHead.Response> responses =
        List.of(
            TestHeads.response(
                "HTTP/1.1 101 Switching Protocols",
                "Upgrade: websocket",
                "Connection: Upgrade",
                "Sec-WebSocket-Accept: s3pPLMBiTxaQ9kYGzzhZRbK+xOo"),
            TestHeads.response(
                "HTTP/1.1 101 Switching Protocols",
                "Upgrade: websocket",
                "Connection: Upgrade",
                "Sec-WebSocket-Accept: S3PPLMBITXAQ9KYGZZHZRBK+XOO="),
            TestHeads.response(
                "HTTP/1.1 101 Switching Protocols", "Upgrade: websocket", "Connection: Upgrade"),
            accepted("Sec-WebSocket-Accept: " + ACCEPT));
    for (HttpHead.Response response : responses) {
      HandshakeFailedException e = fails(client, response);
      assertEquals(101, e.status());
      assertTrue(e.getMessage().contains("Sec-WebSocket-Accept"), e.getMessage());
    }
  }

  @Test
  void clientFailsWithoutUpgradeOrConnection() throws Exception {
    ClientHandshake client = chatClient();
    assertThrows(
        HandshakeFailedException.class,
        () ->
            client.validate(
                TestHeads.response(
                    "HTTP/1.1 101 Switching Protocols",
                    "Connection: Upgrade",
                    "Sec-WebSocket-Accept: " + ACCEPT)));
    assertThrows(
        HandshakeFailedException.class,
        () ->
            client.validate(
                TestHeads.response(
                    "HTTP/1.1 101 Switching Protocols",
                    "Upgrade: h2c",
                    "Connection: Upgrade",
                    "Sec-WebSocket-Accept: " + ACCEPT)));
    assertThrows(
        HandshakeFailedException.class,
        () ->
            client.validate(
                TestHeads.response(
                    "HTTP/1.1 101 Switching Protocols",
                    "Upgrade: websocket",
                    "Sec-WebSocket-Accept: " + ACCEPT)));
  }

  @Test
  void clientFailsOnUnofferedOrRepeatedSubprotocol() throws Exception {
    ClientHandshake client = chatClient();
    fails(client, accepted("Sec-WebSocket-Protocol: mqtt"));
    fails(client, accepted("Sec-WebSocket-Protocol: Chat"));
    fails(client, accepted("Sec-WebSocket-Protocol: chat, superchat"));
    fails(client, accepted("Sec-WebSocket-Protocol: chat", "Sec-WebSocket-Protocol: chat"));
    fails(client, accepted("Sec-WebSocket-Protocol:"));
  }

  @Test
  void clientFailsOnSubprotocolWhenNoneWasOffered() throws Exception {
    HandshakeFailedException e =
        fails(client("ws://h/").build(), accepted("Sec-WebSocket-Protocol: chat"));
    assertTrue(e.getMessage().contains("none was offered"), e.getMessage());
  }

  @Test
  void clientAcceptsOfferedExtensions() throws Exception {
    ClientHandshake client =
        client("ws://h/").extensions("permessage-deflate; client_max_window_bits, x-foo").build();
    HandshakeResult result =
        client.validate(
            accepted(
                "Sec-WebSocket-Extensions: Permessage-Deflate; client_max_window_bits=10",
                "Sec-WebSocket-Extensions: x-foo"));
    assertEquals("Permessage-Deflate; client_max_window_bits=10, x-foo", result.extensions());
  }

  @Test
  void clientFailsOnUnofferedRepeatedOrMalformedExtensions() throws Exception {
    ClientHandshake offering = client("ws://h/").extensions("permessage-deflate").build();
    fails(client("ws://h/").build(), accepted("Sec-WebSocket-Extensions: permessage-deflate"));
    fails(offering, accepted("Sec-WebSocket-Extensions: x-webkit-deflate-frame"));
    fails(offering, accepted("Sec-WebSocket-Extensions: permessage-deflate, permessage-deflate"));
    fails(offering, accepted("Sec-WebSocket-Extensions: permessage-deflate;"));
  }

  @Test
  void clientFeedLeavesFramesBehindTheResponse() throws Exception {
    ClientHandshake client = chatClient();
    byte[] bytes =
        (head(
                    "HTTP/1.1 101 Switching Protocols",
                    "Upgrade: websocket",
                    "Connection: Upgrade",
                    "Sec-WebSocket-Accept: " + ACCEPT,
                    "Sec-WebSocket-Protocol: superchat")
                + "\u0081\u0002hi") // unmasked text frame "hi"
            .getBytes(StandardCharsets.ISO_8859_1);
    int split = 40;
    assertNull(client.feed(ByteBuffer.wrap(bytes, 0, split)));
    ByteBuffer rest = ByteBuffer.wrap(bytes, split, bytes.length - split);
    assertEquals("superchat", client.feed(rest).subprotocol());
    assertEquals("81026869", hex(rest));
  }

  @Test
  void clientFeedReportsMalformedResponses() {
    HandshakeFailedException e =
        assertThrows(
            HandshakeFailedException.class,
            () -> chatClient().feed(latin1("HTTP/1.1 101 OK\nUpgrade: websocket\r\n\r\n")));
    assertEquals(-1, e.status());
    assertTrue(e.getMessage().contains("bare LF"), e.getMessage());
    HandshakeFailedException tooLarge =
        assertThrows(
            HandshakeFailedException.class,
            () ->
                client("ws://h")
                    .maxResponseSize(64)
                    .build()
                    .feed(latin1(head("HTTP/1.1 101 OK", "X: " + "a".repeat(64)))));
    assertTrue(tooLarge.getMessage().contains("64 bytes"), tooLarge.getMessage());
  }

  @Test
  void clientAndServerAgreeEndToEnd() throws Exception {
    ClientHandshake client =
        ClientHandshake.builder(URI.create("ws://localhost:9001/echo?x=1"))
            .subprotocols(List.of("v2", "v1"))
            .extensions("permessage-deflate; client_max_window_bits")
            .headers(Headers.of("Origin", "http://localhost", "Authorization", "Bearer t"))
            .build();
    HttpHead.Request request = HttpHeadDecoder.forRequests(8192, 100).feed(client.request());
    UpgradeRequest upgrade = ServerHandshake.validate(request);
    assertEquals("/echo", upgrade.path());
    assertEquals(List.of("v2", "v1"), upgrade.subprotocols());
    assertEquals("permessage-deflate", upgrade.extensions().offers().get(0).name());
    ByteBuffer response =
        ServerHandshake.acceptResponse(upgrade, "v1", "permessage-deflate", Headers.EMPTY);
    HandshakeResult result = client.feed(response);
    assertEquals("v1", result.subprotocol());
    assertEquals("permessage-deflate", result.extensions());
    assertFalse(response.hasRemaining());
  }
}
