package io.asyncws.runtime.violations;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.asyncws.runtime.Upgrade;
import io.asyncws.runtime.WebSocket;
import io.asyncws.runtime.WebSocketConfig;
import io.asyncws.runtime.WebSocketListener;
import io.asyncws.runtime.MessageEvent;
import io.asyncws.runtime.WebSocketServer;
import java.io.IOException;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Every protocol violation a client can commit earns its RFC 6455 close code from our server over
 * a real socket, and the server then closes TCP (§7.1.1): nothing hangs.
 */
@Timeout(30)
class ServerViolationTest {
  private static WebSocketServer server;

  @BeforeAll
  static void start() {
    server =
        WebSocketServer.builder()
            .config(WebSocketConfig.builder().maxFrameSize(1024).maxMessageSize(4096).eventLoops(1).build())
            .handler(
                request ->
                    Upgrade.accept(
                        new WebSocketListener() {
                          @Override
                          public void onMessage(WebSocket socket, MessageEvent event) {
                            if (event.isText()) socket.send(event.text());
                            else socket.send(event.binary());
                          }
                        }))
            .start();
  }

  @AfterAll
  static void stop() {
    server.close();
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource({
    "unmasked text frame, 810548656c6c6f, 1002",
    "reserved bit 1 without extension, c18000000000, 1002",
    "reserved bit 2, a18000000000, 1002",
    "reserved bit 3, 918000000000, 1002",
    "reserved data opcode 3, 838000000000, 1002",
    "reserved control opcode 11, 8b8000000000, 1002",
    "fragmented ping, 098000000000, 1002",
    "ping of 126 bytes, 89fe007e00000000, 1002",
    "continuation without a message, 808000000000, 1002",
    "text while a fragmented message is open, 0181000000004181810000000042, 1002",
    "invalid UTF-8 in a text message, 818100000000ff, 1007",
    "invalid UTF-8 before the frame is complete, 81e40000000041ff, 1007",
    "invalid UTF-8 across fragments, 018100000000ce80810000000041, 1007",
    "close with a one-byte payload, 88810000000003, 1002",
    "close code 999, 88820000000003e7, 1002",
    "close code 1005 on the wire, 88820000000003ed, 1002",
    "close code 1006 on the wire, 88820000000003ee, 1002",
    "close code 2999, 8882000000000bb7, 1002",
    "close reason not UTF-8, 88830000000003e8ff, 1007",
    "frame over the frame limit, 82fe07d000000000, 1009",
    "64-bit length with the top bit set, 82ff800000000000000000000000, 1002"
  })
  void serverFailsConnectionWithRightCode(String name, String frameHex, int code)
      throws IOException {
    try (RawPeer peer = RawPeer.connectTo(server.port())) {
      peer.writeHex(frameHex);
      assertEquals(code, peer.readCloseCode(), name);
      assertTrue(peer.closedByPeer(), "the server closes TCP after failing the connection");
    }
  }

  @Test
  void serverFailsMessageOverMessageLimitWith1009() throws IOException {
    try (RawPeer peer = RawPeer.connectTo(server.port())) {
      for (int i = 0; i < 5; i++) {
        int opcode = i == 0 ? 0x02 : 0x00; // binary, then continuations, never final
        peer.writeHex(String.format("%02xfe0400", opcode) + "00000000" + "00".repeat(1024));
      }
      assertEquals(1009, peer.readCloseCode());
      assertTrue(peer.closedByPeer());
    }
  }

  @Test
  void serverEchoesThenAnswersCloseAndClosesTcp() throws IOException {
    try (RawPeer peer = RawPeer.connectTo(server.port())) {
      peer.writeHex("8185" + "37fa213d" + "7f9f4d5158"); // masked "Hello" (RFC 6455 §5.7)
      byte[] echo = peer.readFrame();
      assertEquals("Hello", new String(echo, 1, echo.length - 1, java.nio.charset.StandardCharsets.UTF_8));
      peer.writeHex("8882" + "00000000" + "03e8"); // Close 1000
      assertEquals(1000, peer.readCloseCode());
      assertTrue(peer.closedByPeer());
    }
  }
}
