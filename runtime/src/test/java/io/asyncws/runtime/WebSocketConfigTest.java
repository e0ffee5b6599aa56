package io.asyncws.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** The hardening limits: their defaults as documented, their range checks, and toBuilder. */
@Timeout(5)
class WebSocketConfigTest {
  @Test
  void defaultsAreTheDocumentedOnes() {
    WebSocketConfig config = WebSocketConfig.defaults();
    assertEquals(Duration.ofSeconds(60), config.idleTimeout());
    assertEquals(Duration.ofSeconds(30), config.slowConsumerTimeout());
    assertEquals(64L << 20, config.maxBufferedAmount());
    assertEquals(4 * config.writeBufferHighWaterMark(), config.maxBufferedAmount());
    assertEquals(Duration.ofSeconds(5), config.closeTimeout());
    assertEquals(50_000, config.maxConnections());
  }

  @Test
  void queueLimitBelowHighWaterMarkIsRejectedWithBothNumbers() {
    IllegalArgumentException e =
        assertThrows(
            IllegalArgumentException.class,
            () -> WebSocketConfig.builder().writeBufferHighWaterMark(1_000).maxBufferedAmount(999).build());
    assertTrue(e.getMessage().contains("999") && e.getMessage().contains("1000"), e.getMessage());
  }

  @Test
  void idleTimeoutMayBeZeroButNotNegative() {
    assertEquals(Duration.ZERO, WebSocketConfig.builder().idleTimeout(Duration.ZERO).build().idleTimeout());
    assertThrows(
        IllegalArgumentException.class,
        () -> WebSocketConfig.builder().idleTimeout(Duration.ofMillis(-1)).build());
    assertThrows(
        IllegalArgumentException.class,
        () -> WebSocketConfig.builder().slowConsumerTimeout(Duration.ZERO).build());
  }

  @Test
  void toBuilderKeepsEveryLimit() {
    WebSocketConfig config =
        WebSocketConfig.builder()
            .idleTimeout(Duration.ofMillis(1234))
            .slowConsumerTimeout(Duration.ofMillis(5678))
            .writeBufferHighWaterMark(1_000)
            .maxBufferedAmount(9_000)
            .build();
    assertEquals(config, config.toBuilder().build());
  }
}
