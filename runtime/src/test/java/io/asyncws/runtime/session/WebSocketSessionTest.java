package io.asyncws.runtime.session;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.asyncws.runtime.ReadyState;
import io.asyncws.runtime.WebSocketConfig;
import io.asyncws.runtime.protocol.Role;
import java.net.URI;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.HexFormat;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** The session's closing handshake, keep-alive and argument checks, on a fake clock. */
@Timeout(10)
class WebSocketSessionTest {
  private static final HexFormat HEX = HexFormat.of();
  private static final WebSocketConfig CONFIG =
      WebSocketConfig.builder()
          .closeTimeout(Duration.ofSeconds(5))
          .pingInterval(Duration.ofSeconds(10))
          .pongTimeout(Duration.ofSeconds(3))
          .build();

  private final FakeTransport transport = new FakeTransport();
  private final RecordingListener listener = new RecordingListener();

  private WebSocketSession open(Role role) {
    WebSocketSession session =
        new WebSocketSession(
            () -> URI.create("ws://example.com/"), role, "", "", CONFIG, listener, transport,
            new Random(1), null);
    transport.attach(session);
    session.onOpen();
    return session;
  }

  private static ByteBuffer hex(String hex) {
    return ByteBuffer.wrap(HEX.parseHex(hex));
  }

  @Test
  void serverAnswersPeerCloseAndClosesTcpFirst() {
    WebSocketSession session = open(Role.SERVER);
    session.onData(hex("8882" + "00000000" + "03e8")); // masked Close 1000, zero mask key
    assertArrayEquals(HEX.parseHex("880203e8"), transport.writtenBytes()); // echoed Close 1000
    assertTrue(transport.closedAfterFlush);
    assertEquals(List.of("open", "close:1000:true"), listener.events);
    assertEquals(ReadyState.CLOSED, session.readyState());
  }

  @Test
  void serverAnswersEmptyCloseWithEmptyCloseAndReports1005() {
    WebSocketSession session = open(Role.SERVER);
    session.onData(hex("8880" + "00000000")); // masked Close without payload
    assertArrayEquals(HEX.parseHex("8800"), transport.writtenBytes());
    assertEquals(1005, listener.closeEvent.code());
    assertTrue(listener.closeEvent.wasClean());
  }

  @Test
  void clientWaitsForServerToCloseTcpThenGivesUpAfterCloseTimeout() {
    FakeTransport held = transport;
    WebSocketSession session = open(Role.CLIENT);
    held.attach(null); // the "TCP close" does not happen by itself
    session.onData(hex("880203e8")); // unmasked Close 1000 from the server
    assertFalse(held.closedNow, "the client must wait for the server to close TCP");
    assertEquals(ReadyState.CLOSING, session.readyState());
    held.advanceNanos(Duration.ofSeconds(5).toNanos());
    assertTrue(held.closedNow, "after the close timeout the client closes TCP itself");
  }

  @Test
  void initiatorDropsConnectionWhenPeerNeverAnswersClose() {
    WebSocketSession session = open(Role.SERVER);
    session.close(4000, "bye");
    assertEquals(ReadyState.CLOSING, session.readyState());
    assertFalse(session.send("late"), "nothing may follow our Close frame");
    transport.advanceNanos(Duration.ofMillis(4999).toNanos());
    assertFalse(transport.closedNow);
    transport.advanceNanos(Duration.ofMillis(1).toNanos());
    assertTrue(transport.closedNow);
    assertEquals(1006, listener.closeEvent.code());
    assertFalse(listener.closeEvent.wasClean());
  }

  @Test
  void serverFailsConnectionOnProtocolErrorWith1002() {
    WebSocketSession session = open(Role.SERVER);
    session.onData(hex("8100")); // unmasked text frame from a client
    byte[] written = transport.writtenBytes();
    assertEquals("88", HEX.formatHex(written, 0, 1)); // Close
    assertEquals("03ea", HEX.formatHex(written, 2, 4)); // 1002, then the reason
    assertTrue(transport.closedAfterFlush);
    assertEquals("close:1002:false", listener.events.get(listener.events.size() - 1));
    assertEquals(ReadyState.CLOSED, session.readyState());
  }

  @Test
  void pingIsAnsweredWithPongCarryingSamePayload() {
    WebSocketSession session = open(Role.SERVER);
    session.onData(hex("8982" + "00000000" + "6869")); // masked Ping "hi"
    assertArrayEquals(HEX.parseHex("8a026869"), transport.writtenBytes());
  }

  @Test
  void keepAliveDropsPeerThatNeverAnswersPing() {
    open(Role.SERVER);
    transport.advanceNanos(Duration.ofSeconds(10).toNanos());
    assertArrayEquals(HEX.parseHex("8900"), transport.writtenBytes()); // empty Ping
    transport.advanceNanos(Duration.ofSeconds(3).toNanos());
    assertTrue(transport.closedNow);
    assertEquals(1006, listener.closeEvent.code());
  }

  @Test
  void keepAliveContinuesWhilePeerAnswers() {
    WebSocketSession session = open(Role.SERVER);
    for (int i = 0; i < 5; i++) {
      transport.advanceNanos(Duration.ofSeconds(10).toNanos());
      session.onData(hex("8a80" + "00000000")); // masked empty Pong
    }
    assertFalse(transport.closedNow);
    assertEquals(5, transport.written.size());
  }

  @Test
  void closeArgumentsAreCheckedAsInTheBrowser() {
    WebSocketSession session = open(Role.CLIENT);
    assertThrows(IllegalArgumentException.class, () -> session.close(1001, ""));
    assertThrows(IllegalArgumentException.class, () -> session.close(2999, ""));
    assertThrows(IllegalArgumentException.class, () -> session.close(5000, ""));
    assertThrows(IllegalArgumentException.class, () -> session.close(1000, "x".repeat(124)));
    session.close(4999, "é".repeat(61)); // 122 bytes of UTF-8
    assertEquals(ReadyState.CLOSING, session.readyState());
  }

  @Test
  void sendBeforeOpenThrowsAsInTheBrowser() {
    WebSocketSession session =
        new WebSocketSession(
            () -> URI.create("ws://example.com/"), Role.CLIENT, "", "", CONFIG, listener, transport,
            new Random(1), null);
    assertEquals(ReadyState.CONNECTING, session.readyState());
    assertThrows(IllegalStateException.class, () -> session.send("too early"));
  }

  @Test
  void messagesAreDeliveredWhole() {
    WebSocketSession session = open(Role.SERVER);
    session.onData(hex("0183" + "00000000" + "486579")); // "Hey", not final
    session.onData(hex("8082" + "00000000" + "2121")); // "!!", final
    assertEquals(List.of("open", "text:Hey!!"), listener.events);
  }

  @Test
  void listenerThatThrowsIsReportedAndConnectionStaysOpen() {
    RecordingListener recording = listener;
    WebSocketSession session =
        new WebSocketSession(
            () -> URI.create("ws://example.com/"), Role.SERVER, "", "", CONFIG,
            new io.asyncws.runtime.WebSocketListener() {
              @Override
              public void onMessage(io.asyncws.runtime.WebSocket s, io.asyncws.runtime.MessageEvent e) {
                throw new IllegalStateException("bug in application");
              }

              @Override
              public void onError(io.asyncws.runtime.WebSocket s, Throwable error) {
                recording.events.add("error:" + error.getMessage());
              }
            },
            transport, new Random(1), null);
    transport.attach(session);
    session.onOpen();
    session.onData(hex("8181" + "00000000" + "41"));
    assertEquals(List.of("error:bug in application"), recording.events);
    assertEquals(ReadyState.OPEN, session.readyState());
  }

  @Test
  void longMessagesGoOutInFragmentsOfConfiguredSize() {
    WebSocketSession session =
        new WebSocketSession(
            () -> URI.create("ws://example.com/"), Role.SERVER, "", "",
            CONFIG.toBuilder().fragmentSize(2).build(), listener, transport, null, null);
    transport.attach(session);
    session.onOpen();
    session.send("Hello");
    // "He" text not final, "ll" continuation, "o" final continuation.
    assertArrayEquals(HEX.parseHex("01024865" + "00026c6c" + "80016f"), transport.writtenBytes());
  }

  @Test
  void fullWriteQueueStopsDeliveryAfterCurrentMessageAndLeavesTheRest() {
    WebSocketSession session = open(Role.SERVER);
    transport.full = true;
    ByteBuffer twoMessages = hex("8181" + "00000000" + "41" + "8181" + "00000000" + "42");
    session.onData(twoMessages);
    assertEquals(List.of("open", "text:A"), listener.events);
    assertEquals(7, twoMessages.remaining(), "the second message stays unread");
    transport.full = false;
    session.onData(twoMessages);
    assertEquals(List.of("open", "text:A", "text:B"), listener.events);
    assertFalse(twoMessages.hasRemaining());
  }

  @Test
  void truncatedReasonFitsCloseFrameOnCharacterBoundary() {
    String reason = WebSocketSession.truncateReason("€".repeat(60)); // 180 bytes
    assertEquals(41, reason.length()); // 123 bytes
    String pairs = WebSocketSession.truncateReason("\uD83D\uDE00".repeat(40)); // 160 bytes
    assertEquals(60, pairs.length()); // 30 whole pairs, 120 bytes; never half a pair
  }
}
