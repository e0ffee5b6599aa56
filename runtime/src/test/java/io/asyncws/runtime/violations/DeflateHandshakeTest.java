package io.asyncws.runtime.violations;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.asyncws.runtime.MessageEvent;
import io.asyncws.runtime.Upgrade;
import io.asyncws.runtime.WebSocket;
import io.asyncws.runtime.WebSocketClient;
import io.asyncws.runtime.WebSocketConfig;
import io.asyncws.runtime.WebSocketListener;
import io.asyncws.runtime.WebSocketServer;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.HexFormat;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** permessage-deflate in the opening handshake, over real sockets, with a hand-driven peer. */
@Timeout(30)
class DeflateHandshakeTest {
  private static final Pattern KEY = Pattern.compile("(?im)^Sec-WebSocket-Key:\\s*(\\S+)\\s*$");
  private static final Pattern EXTENSIONS =
      Pattern.compile("(?im)^Sec-WebSocket-Extensions:\\s*(.*?)\\s*$");
  private static final WebSocketConfig DEFLATE =
      WebSocketConfig.builder().eventLoops(1).perMessageDeflate(true).compressionThreshold(0).build();

  @ParameterizedTest(name = "{0}")
  @ValueSource(
      strings = {
        "permessage-deflate; client_max_window_bits", // needs a value in a response
        "permessage-deflate; server_max_window_bits=16",
        "permessage-deflate; no_such_parameter",
        "permessage-deflate; server_no_context_takeover; server_no_context_takeover",
      })
  void clientFailsHandshakeOnBrokenDeflateResponse(String response) throws Exception {
    try (WebSocketClient client = WebSocketClient.create(DEFLATE);
        ServerSocket listening = new ServerSocket(0)) {
      CompletableFuture<WebSocket> opened =
          client.connect(
              URI.create("ws://127.0.0.1:" + listening.getLocalPort() + "/"),
              new WebSocketListener() {});
      listening.setSoTimeout(5_000);
      try (Socket socket = listening.accept()) {
        socket.setSoTimeout(5_000);
        String request = readHead(socket.getInputStream());
        assertEquals("permessage-deflate; client_max_window_bits", extensionsOf(request));
        socket.getOutputStream().write(upgraded(request, response));
        ExecutionException failure =
            assertThrows(ExecutionException.class, () -> opened.get(5, TimeUnit.SECONDS));
        assertTrue(failure.getCause().getMessage().contains("RFC 7692"), failure.getCause().getMessage());
        assertEquals(-1, socket.getInputStream().read(), "the client drops the connection");
      }
    }
  }

  @Test
  void clientWithDeflateOffNeverOffersIt() throws Exception {
    try (WebSocketClient client =
            WebSocketClient.create(WebSocketConfig.builder().eventLoops(1).build());
        ServerSocket listening = new ServerSocket(0)) {
      client.connect(
          URI.create("ws://127.0.0.1:" + listening.getLocalPort() + "/"), new WebSocketListener() {});
      listening.setSoTimeout(5_000);
      try (Socket socket = listening.accept()) {
        socket.setSoTimeout(5_000);
        assertEquals("(none)", extensionsOf(readHead(socket.getInputStream())));
      }
    }
  }

  @ParameterizedTest(name = "{0} -> {1}")
  @CsvSource(
      delimiter = '|',
      value = {
        "permessage-deflate; client_max_window_bits | permessage-deflate", // every browser
        "permessage-deflate; server_max_window_bits=10; client_no_context_takeover"
            + " | permessage-deflate; client_no_context_takeover; server_max_window_bits=10",
        "permessage-deflate; server_max_window_bits=99, permessage-deflate"
            + " | permessage-deflate", // the first offer is declined, the second taken
        "permessage-deflate; server_max_window_bits=\"1 0\" | (none)", // malformed: declined
        "x-webkit-deflate-frame | (none)",
      })
  void serverAnswersOffersAndStillUpgrades(String offer, String answer) throws Exception {
    try (WebSocketServer server = echoServer(DEFLATE);
        Socket socket = new Socket("127.0.0.1", server.port())) {
      String response = upgrade(socket, offer);
      assertTrue(response.startsWith("HTTP/1.1 101"), response);
      assertEquals(answer, extensionsOf(response));
    }
  }

  @Test
  void serverWithDeflateOffDeclinesEveryOffer() throws Exception {
    try (WebSocketServer server = echoServer(WebSocketConfig.builder().eventLoops(1).build());
        Socket socket = new Socket("127.0.0.1", server.port())) {
      assertEquals("(none)", extensionsOf(upgrade(socket, "permessage-deflate")));
    }
  }

  @Test
  void serverEchoesCompressedHelloByteExact() throws Exception {
    try (WebSocketServer server = echoServer(DEFLATE);
        Socket socket = new Socket("127.0.0.1", server.port())) {
      upgrade(socket, "permessage-deflate");
      // RSV1|FIN|text, masked with a zero key: "Hello" compressed as in RFC 7692 §7.2.3.1
      socket.getOutputStream().write(HexFormat.of().parseHex("c18700000000f248cdc9c90700"));
      byte[] echo = socket.getInputStream().readNBytes(9);
      assertEquals("c107f248cdc9c90700", HexFormat.of().formatHex(echo));
      socket.getOutputStream().write(HexFormat.of().parseHex("c18500000000f200110000"));
      assertEquals("c105f200110000", HexFormat.of().formatHex(socket.getInputStream().readNBytes(7)));
    }
  }

  @Test
  void serverFailsRsv1WhenDeflateWasNotAgreedWith1002() throws Exception {
    try (WebSocketServer server = echoServer(DEFLATE);
        Socket socket = new Socket("127.0.0.1", server.port())) {
      upgrade(socket, null);
      socket.getOutputStream().write(HexFormat.of().parseHex("c18700000000f248cdc9c90700"));
      byte[] close = socket.getInputStream().readNBytes(4);
      assertEquals(0x88, close[0] & 0xff, "a Close frame");
      assertEquals(1002, ((close[2] & 0xff) << 8) | (close[3] & 0xff));
    }
  }

  private static WebSocketServer echoServer(WebSocketConfig config) {
    return WebSocketServer.builder()
        .config(config)
        .handler(request -> Upgrade.accept(new WebSocketListener() {
          @Override
          public void onMessage(WebSocket socket, MessageEvent event) {
            socket.send(event.text());
          }
        }))
        .start();
  }

  /** Sends an upgrade request offering {@code offer} (none when null); returns the response head. */
  private static String upgrade(Socket socket, String offer) throws IOException {
    socket.setSoTimeout(5_000);
    String request =
        "GET / HTTP/1.1\r\nHost: 127.0.0.1\r\nUpgrade: websocket\r\nConnection: Upgrade\r\n"
            + "Sec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\nSec-WebSocket-Version: 13\r\n"
            + (offer == null ? "" : "Sec-WebSocket-Extensions: " + offer + "\r\n")
            + "\r\n";
    socket.getOutputStream().write(request.getBytes(StandardCharsets.US_ASCII));
    return readHead(socket.getInputStream());
  }

  private static byte[] upgraded(String request, String extensions) throws IOException {
    Matcher key = KEY.matcher(request);
    if (!key.find()) throw new IOException("no key in " + request);
    return ("HTTP/1.1 101 Switching Protocols\r\nUpgrade: websocket\r\nConnection: Upgrade\r\n"
            + "Sec-WebSocket-Accept: " + RawPeer.accept(key.group(1)) + "\r\n"
            + "Sec-WebSocket-Extensions: " + extensions + "\r\n\r\n")
        .getBytes(StandardCharsets.US_ASCII);
  }

  private static String extensionsOf(String head) {
    Matcher m = EXTENSIONS.matcher(head);
    return m.find() ? m.group(1) : "(none)";
  }

  private static String readHead(InputStream in) throws IOException {
    ByteArrayOutputStream head = new ByteArrayOutputStream();
    while (!head.toString(StandardCharsets.ISO_8859_1).endsWith("\r\n\r\n")) {
      int b = in.read();
      if (b < 0 || head.size() > 16_384) throw new IOException("no complete head: " + head);
      head.write(b);
    }
    return head.toString(StandardCharsets.ISO_8859_1);
  }
}
