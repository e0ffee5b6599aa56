package io.asyncws.runtime.violations;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.asyncws.runtime.CloseEvent;
import io.asyncws.runtime.WebSocket;
import io.asyncws.runtime.WebSocketClient;
import io.asyncws.runtime.WebSocketListener;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Our client fails a connection to a misbehaving server with the right code, and closes TCP. */
@Timeout(30)
class ClientViolationTest {
  private static WebSocketClient client;

  @BeforeAll
  static void start() {
    client = WebSocketClient.create();
  }

  @AfterAll
  static void stop() {
    client.close();
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource({
    "masked frame from a server, 8185" + "37fa213d" + "7f9f4d5158, 1002",
    "reserved bit 1 without extension, c100, 1002",
    "invalid UTF-8 text, 8101ff, 1007",
    "close code 1004, 880203ec, 1002",
    "pong of 126 bytes, 8a7e007e, 1002",
  })
  void clientFailsConnectionWithRightCode(String name, String frameHex, int code) throws Exception {
    try (ServerSocket listening = new ServerSocket(0)) {
      CompletableFuture<CloseEvent> closed = new CompletableFuture<>();
      CompletableFuture<WebSocket> opened =
          client.connect(
              URI.create("ws://127.0.0.1:" + listening.getLocalPort() + "/"),
              new WebSocketListener() {
                @Override
                public void onClose(WebSocket socket, CloseEvent event) {
                  closed.complete(event);
                }
              });
      try (RawPeer server = RawPeer.acceptFrom(listening)) {
        opened.get(5, TimeUnit.SECONDS);
        server.writeHex(frameHex);
        assertEquals(code, server.readCloseCode(), name);
        assertTrue(server.closedByPeer(), "the client closes TCP after failing the connection");
      }
      CloseEvent event = closed.get(5, TimeUnit.SECONDS);
      assertEquals(code, event.code());
      assertFalse(event.wasClean());
    }
  }

  @Test
  void clientRejectsWrongAcceptKey() throws Exception {
    String failure =
        handshakeFailure(
            "HTTP/1.1 101 Switching Protocols\r\nUpgrade: websocket\r\nConnection: Upgrade\r\n"
                + "Sec-WebSocket-Accept: AAAAAAAAAAAAAAAAAAAAAAAAAAA=\r\n\r\n");
    assertTrue(failure.contains("Accept"), failure);
  }

  @Test
  void clientReportsRefusedHandshakeStatus() throws Exception {
    String failure = handshakeFailure("HTTP/1.1 403 Forbidden\r\nContent-Length: 0\r\n\r\n");
    assertTrue(failure.contains("403"), failure);
  }

  /** Answers our client's upgrade request with {@code response}; returns why the connect failed. */
  private static String handshakeFailure(String response) throws Exception {
    try (ServerSocket listening = new ServerSocket(0)) {
      CompletableFuture<WebSocket> opened =
          client.connect(
              URI.create("ws://127.0.0.1:" + listening.getLocalPort() + "/"),
              new WebSocketListener() {});
      listening.setSoTimeout(5_000);
      try (var socket = listening.accept()) {
        socket.getInputStream().read(new byte[4096]);
        socket.getOutputStream().write(response.getBytes(java.nio.charset.StandardCharsets.US_ASCII));
        var failure = org.junit.jupiter.api.Assertions.assertThrows(
            java.util.concurrent.ExecutionException.class, () -> opened.get(5, TimeUnit.SECONDS));
        return failure.getCause().getMessage();
      }
    }
  }

  @Test
  void clientGivesUpOnServerThatNeverAnswers() throws Exception {
    try (ServerSocket listening = new ServerSocket(0);
        WebSocketClient impatient =
            WebSocketClient.create(
                io.asyncws.runtime.WebSocketConfig.builder()
                    .eventLoops(1)
                    .handshakeTimeout(java.time.Duration.ofMillis(300))
                    .build())) {
      CompletableFuture<WebSocket> opened =
          impatient.connect(
              URI.create("ws://127.0.0.1:" + listening.getLocalPort() + "/"),
              new WebSocketListener() {});
      var failure = org.junit.jupiter.api.Assertions.assertThrows(
          java.util.concurrent.ExecutionException.class, () -> opened.get(5, TimeUnit.SECONDS));
      assertTrue(failure.getCause().getMessage().contains("took longer"), failure.getCause().getMessage());
    }
  }

  @Test
  void clientReportsConnectionRefused() throws IOException {
    int port;
    try (ServerSocket probe = new ServerSocket(0)) {
      port = probe.getLocalPort();
    }
    CompletableFuture<WebSocket> opened =
        client.connect(URI.create("ws://127.0.0.1:" + port + "/"), new WebSocketListener() {});
    org.junit.jupiter.api.Assertions.assertThrows(
        java.util.concurrent.ExecutionException.class, () -> opened.get(5, TimeUnit.SECONDS));
  }
}
