package io.asyncws.runtime.contract;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(value = 5, unit = TimeUnit.SECONDS)
class PendingRepliesTest {
  /** Timers that fire only when the test says so. */
  private final List<Runnable> timers = new ArrayList<>();
  private final List<Boolean> cancelled = new ArrayList<>();

  private final Delayer manual = (task, delay) -> {
    int index = timers.size();
    timers.add(task);
    cancelled.add(false);
    return () -> cancelled.set(index, true);
  };

  @Test
  void clientRequestCompletesWithMatchingReply() {
    PendingReplies<String> replies = new PendingReplies<>(4, Duration.ofSeconds(1), manual);
    CompletableFuture<String> future = replies.register("42");
    assertFalse(replies.complete("41", "other"), "unsolicited reply");
    assertTrue(replies.complete("42", "pong"));
    assertEquals("pong", future.join());
    assertEquals(0, replies.size(), "completed request forgotten");
    assertTrue(cancelled.get(0), "timer cancelled");
    assertFalse(replies.complete("42", "late"), "late duplicate");
  }

  @Test
  void clientRequestTimesOut() {
    PendingReplies<String> replies = new PendingReplies<>(4, Duration.ofMillis(250), manual);
    CompletableFuture<String> future = replies.register("7");
    timers.get(0).run();
    CompletionException e = assertThrows(CompletionException.class, future::join);
    assertInstanceOf(TimeoutException.class, e.getCause());
    assertTrue(e.getCause().getMessage().contains("7"), e.getCause().getMessage());
    assertFalse(replies.isPending("7"));
  }

  @Test
  void clientRequestsFailWhenConnectionCloses() {
    PendingReplies<String> replies = new PendingReplies<>(4, Duration.ofSeconds(1), manual);
    CompletableFuture<String> a = replies.register("1");
    CompletableFuture<String> b = replies.register("2");
    replies.close("code 1006");
    assertInstanceOf(ReplyRegistryClosedException.class, assertThrows(CompletionException.class, a::join).getCause());
    assertInstanceOf(ReplyRegistryClosedException.class, assertThrows(CompletionException.class, b::join).getCause());
    assertThrows(IllegalStateException.class, () -> replies.register("3"));
    assertEquals(0, replies.size());
  }

  @Test
  void clientRefusesRequestsBeyondBound() {
    PendingReplies<String> replies = new PendingReplies<>(2, Duration.ofSeconds(1), manual);
    replies.register("1");
    replies.register("2");
    assertThrows(IllegalStateException.class, () -> replies.register("3"));
    replies.complete("1", "x");
    replies.register("3");
    assertEquals(2, replies.size());
  }

  @Test
  void clientRefusesDuplicateCorrelationId() {
    PendingReplies<String> replies = new PendingReplies<>(2, Duration.ofSeconds(1), manual);
    replies.register("1");
    assertThrows(IllegalStateException.class, () -> replies.register("1"));
  }

  @Test
  void systemDelayerFiresTimeout() {
    PendingReplies<String> replies = new PendingReplies<>(2, Duration.ofMillis(20), Delayer.system());
    CompletionException e = assertThrows(CompletionException.class, replies.register("1")::join);
    assertInstanceOf(TimeoutException.class, e.getCause());
  }
}
