package io.asyncws.runtime.session;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.asyncws.runtime.CloseEvent;
import io.asyncws.runtime.ReadyState;
import io.asyncws.runtime.WebSocketConfig;
import io.asyncws.runtime.protocol.Role;
import java.net.URI;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.HexFormat;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** The idle timeout, the slow-consumer bound and the close timeout behind them, on a fake clock. */
@Timeout(10)
class SessionLimitsTest {
  private static final HexFormat HEX = HexFormat.of();
  private static final String EMPTY_PING = "8900";
  /** Close 1001 "idle timeout": 14-byte payload, code 03e9, then the reason in ASCII. */
  private static final String CLOSE_IDLE = "880e03e9" + "69646c652074696d656f7574";
  /** Close 1008 "slow consumer": 15-byte payload, code 03f0, then the reason in ASCII. */
  private static final String CLOSE_SLOW = "880f03f0" + "736c6f7720636f6e73756d6572";
  private static final String MASKED_EMPTY_PONG = "8a80" + "00000000";
  private static final long SECOND = Duration.ofSeconds(1).toNanos();
  private static final long MILLI = Duration.ofMillis(1).toNanos();

  private static final WebSocketConfig LIMITS =
      WebSocketConfig.builder()
          .idleTimeout(Duration.ofSeconds(10))
          .closeTimeout(Duration.ofSeconds(5))
          .slowConsumerTimeout(Duration.ofSeconds(30))
          .writeBufferHighWaterMark(1_000)
          .maxBufferedAmount(4_000)
          .build();

  private final FakeTransport transport = new FakeTransport();
  private final RecordingListener listener = new RecordingListener();

  private WebSocketSession open(WebSocketConfig config) {
    WebSocketSession session =
        new WebSocketSession(
            () -> URI.create("ws://example.com/"), Role.SERVER, "", "", config, listener, transport,
            new Random(1), null);
    transport.attach(session);
    session.onOpen();
    return session;
  }

  private String written() {
    return HEX.formatHex(transport.writtenBytes());
  }

  @Test
  void serverPingsSilentPeerAtHalfIdleTimeoutThenClosesWith1001AndDropsAfterCloseTimeout() {
    WebSocketSession session = open(LIMITS);
    transport.advanceNanos(5 * SECOND - MILLI);
    assertEquals("", written(), "no Ping before half the idle timeout");
    transport.advanceNanos(MILLI);
    assertEquals(EMPTY_PING, written());
    transport.advanceNanos(5 * SECOND - MILLI);
    assertEquals(EMPTY_PING, written(), "no Close before the whole idle timeout");
    transport.advanceNanos(MILLI);
    assertEquals(EMPTY_PING + CLOSE_IDLE, written());
    assertEquals(ReadyState.CLOSING, session.readyState());
    transport.advanceNanos(5 * SECOND - MILLI);
    assertFalse(transport.closedNow, "the peer has the close timeout to answer");
    transport.advanceNanos(MILLI);
    assertTrue(transport.closedNow);
    assertEquals(new CloseEvent(1001, "idle timeout", false), listener.closeEvent);
  }

  @Test
  void peerThatAnswersIdleCloseEndsCleanly() {
    WebSocketSession session = open(LIMITS);
    transport.advanceNanos(10 * SECOND);
    session.onData(ByteBuffer.wrap(HEX.parseHex("8882" + "00000000" + "03e9"))); // Close 1001
    assertTrue(transport.closedAfterFlush);
    assertEquals(new CloseEvent(1001, "", true), listener.closeEvent);
  }

  @Test
  void dataFromPeerPostponesIdlePing() {
    WebSocketSession session = open(LIMITS);
    transport.advanceNanos(4 * SECOND);
    session.onData(ByteBuffer.wrap(HEX.parseHex("8181" + "00000000" + "41"))); // masked "A"
    transport.advanceNanos(5 * SECOND - MILLI);
    assertEquals("", written(), "silence is counted from the last read");
    transport.advanceNanos(MILLI);
    assertEquals(EMPTY_PING, written());
  }

  @Test
  void quietPeerThatAnswersPingsStaysOpen() {
    WebSocketSession session = open(LIMITS);
    for (int i = 0; i < 6; i++) {
      transport.advanceNanos(5 * SECOND);
      session.onData(ByteBuffer.wrap(HEX.parseHex(MASKED_EMPTY_PONG)));
    }
    assertEquals(EMPTY_PING.repeat(6), written(), "one Ping per half idle timeout, no Close");
    assertEquals(ReadyState.OPEN, session.readyState());
  }

  @Test
  void zeroIdleTimeoutNeverPingsNorCloses() {
    WebSocketSession session = open(LIMITS.toBuilder().idleTimeout(Duration.ZERO).build());
    transport.advanceNanos(Duration.ofHours(1).toNanos());
    assertEquals("", written());
    assertEquals(ReadyState.OPEN, session.readyState());
  }

  @Test
  void keepAliveAndIdleProbeSendOnePingPerSilence() {
    open(LIMITS.toBuilder().pingInterval(Duration.ofSeconds(5)).pongTimeout(Duration.ofSeconds(30)).build());
    transport.advanceNanos(5 * SECOND); // both clocks would ping now
    assertEquals(EMPTY_PING, written());
    transport.advanceNanos(5 * SECOND); // keep-alive again, but nothing was heard since its Ping
    assertEquals(EMPTY_PING + CLOSE_IDLE, written());
  }

  @Test
  void keepAlivePongTimeoutStillDropsPeerBeforeIdleTimeout() {
    open(LIMITS.toBuilder().pingInterval(Duration.ofSeconds(2)).pongTimeout(Duration.ofSeconds(3)).build());
    transport.advanceNanos(5 * SECOND);
    assertEquals(EMPTY_PING, written(), "the second keep-alive Ping waits for the peer");
    assertTrue(transport.closedNow);
    assertEquals(1006, listener.closeEvent.code());
  }

  @Test
  void queueAboveMarkForSlowConsumerTimeoutClosesWith1008AfterTheData() {
    WebSocketSession session = open(LIMITS.toBuilder().idleTimeout(Duration.ZERO).build());
    transport.attach(null); // the Close cannot be flushed to a peer that does not read
    transport.full = true;
    transport.behindSince = 0;
    assertTrue(session.send("x"));
    transport.advanceNanos(30 * SECOND - MILLI);
    assertEquals("810178", written());
    transport.advanceNanos(MILLI);
    assertEquals("810178" + CLOSE_SLOW, written());
    assertTrue(transport.closedAfterFlush);
    assertFalse(session.send("y"), "nothing may follow our Close frame");
    transport.advanceNanos(5 * SECOND);
    assertTrue(transport.closedNow, "an unflushable Close is dropped after the close timeout");
    session.onTransportClosed();
    assertEquals(new CloseEvent(1008, "slow consumer", false), listener.closeEvent);
    assertTrue(listener.events.contains("error:IOException"));
  }

  @Test
  void queueDrainingBelowMarkRestartsSlowConsumerClock() {
    WebSocketSession session = open(LIMITS.toBuilder().idleTimeout(Duration.ZERO).build());
    transport.full = true;
    transport.behindSince = 0;
    session.send("a");
    transport.advanceNanos(20 * SECOND);
    transport.full = false; // the peer caught up for a while
    transport.behindSince = -1;
    transport.advanceNanos(15 * SECOND);
    transport.full = true; // and fell behind again at 35 s
    transport.behindSince = transport.nanoTime();
    session.send("b");
    transport.advanceNanos(30 * SECOND - MILLI);
    assertEquals(ReadyState.OPEN, session.readyState());
    transport.advanceNanos(MILLI);
    assertEquals(new CloseEvent(1008, "slow consumer", false), listener.closeEvent);
  }

  @Test
  void queueBelowMarkButNotBackToHalfOfItStillClosesWith1008() {
    // One flush may take the queue from above the mark to just under it; reading stays paused
    // until half the mark, and a peer that reads nothing never gets it there.
    WebSocketSession session = open(LIMITS.toBuilder().idleTimeout(Duration.ZERO).build());
    transport.full = true;
    transport.behindSince = 0;
    assertTrue(session.send("x"));
    transport.full = false;
    transport.advanceNanos(30 * SECOND - MILLI);
    assertEquals(ReadyState.OPEN, session.readyState());
    transport.advanceNanos(MILLI);
    assertEquals(new CloseEvent(1008, "slow consumer", false), listener.closeEvent);
  }

  @Test
  void idleClockStopsWhileBehindEvenBelowTheMark() {
    WebSocketSession session = open(LIMITS.toBuilder().slowConsumerTimeout(Duration.ofHours(1)).build());
    transport.behindSince = 0; // reading paused by back-pressure: silence proves nothing
    transport.advanceNanos(60 * SECOND);
    assertEquals(ReadyState.OPEN, session.readyState());
    assertEquals("", written(), "no Ping while we are the ones not reading");
  }

  @Test
  void sendBeyondMaxBufferedAmountIsRefusedAndClosesWith1008() {
    WebSocketSession session = open(LIMITS);
    transport.buffered = 3_000;
    assertTrue(session.send(ByteBuffer.allocate(1_000)), "exactly up to the limit fits");
    int before = transport.written.size();
    transport.buffered = 3_001;
    assertFalse(session.send(ByteBuffer.allocate(1_000)));
    assertEquals(before + 1, transport.written.size(), "only the Close was queued");
    assertTrue(written().endsWith(CLOSE_SLOW), written());
    assertEquals(new CloseEvent(1008, "slow consumer", false), listener.closeEvent);
  }

  @Test
  void messageLargerThanMaxBufferedAmountIsSentWhenQueueIsEmpty() {
    WebSocketSession session = open(LIMITS);
    assertTrue(session.send(ByteBuffer.allocate(10_000)));
    assertEquals(ReadyState.OPEN, session.readyState());
  }

  @Test
  void failedConnectionWhoseCloseCannotBeFlushedIsDroppedAfterCloseTimeout() {
    WebSocketSession session = open(LIMITS);
    transport.attach(null);
    session.onData(ByteBuffer.wrap(HEX.parseHex("8100"))); // unmasked text from a client: 1002
    assertTrue(transport.closedAfterFlush);
    transport.advanceNanos(5 * SECOND - MILLI);
    assertFalse(transport.closedNow);
    transport.advanceNanos(MILLI);
    assertTrue(transport.closedNow);
  }

  @Test
  void serverEchoOfPeerCloseIsDroppedAfterCloseTimeoutWhenNotFlushed() {
    WebSocketSession session = open(LIMITS);
    transport.attach(null);
    session.onData(ByteBuffer.wrap(HEX.parseHex("8882" + "00000000" + "03e8"))); // Close 1000
    assertTrue(transport.closedAfterFlush);
    transport.advanceNanos(5 * SECOND);
    assertTrue(transport.closedNow);
  }
}
