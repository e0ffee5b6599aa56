package io.asyncws.runtime.session;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(5)
class TimerQueueTest {
  @Test
  void sweepOfCancelledTimersKeepsLiveOnesInDeadlineOrder() {
    // 200 handshake-like timeouts, most cancelled: enough to sweep several times.
    TimerQueue queue = new TimerQueue();
    List<Integer> ran = new ArrayList<>();
    List<Scheduler.Cancellable> timers = new ArrayList<>();
    for (int i = 0; i < 200; i++) {
      int id = i;
      timers.add(queue.schedule(1_000 - i, () -> ran.add(id))); // later ids fall due earlier
    }
    for (int i = 0; i < 200; i++) {
      if (i % 10 != 0) timers.get(i).cancel();
    }
    timers.get(1).cancel(); // a second cancel of the same timer changes nothing
    queue.runDue(1_000, deadline -> {}, Runnable::run);
    assertEquals(
        List.of(190, 180, 170, 160, 150, 140, 130, 120, 110, 100, 90, 80, 70, 60, 50, 40, 30, 20,
            10, 0),
        ran);
  }

  @Test
  void timerCancelledAfterItRanLeavesTheOthersAlone() {
    TimerQueue queue = new TimerQueue();
    List<String> ran = new ArrayList<>();
    Scheduler.Cancellable early = queue.schedule(1, () -> ran.add("early"));
    queue.runDue(1, deadline -> {}, Runnable::run);
    early.cancel(); // already ran: must not count as a queued cancelled timer
    List<Scheduler.Cancellable> later = new ArrayList<>();
    for (int i = 0; i < 100; i++) later.add(queue.schedule(10 + i, () -> ran.add("late")));
    for (int i = 0; i < 60; i++) later.get(i).cancel();
    queue.runDue(200, deadline -> {}, Runnable::run);
    assertEquals(41, ran.size()); // "early" and the 40 never cancelled
    assertTrue(queue.isEmpty());
  }
}
