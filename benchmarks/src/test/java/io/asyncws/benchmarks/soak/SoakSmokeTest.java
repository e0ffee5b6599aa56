package io.asyncws.benchmarks.soak;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.asyncws.runtime.MessageEvent;
import io.asyncws.runtime.Upgrade;
import io.asyncws.runtime.WebSocket;
import io.asyncws.runtime.WebSocketConfig;
import io.asyncws.runtime.WebSocketListener;
import io.asyncws.runtime.WebSocketServer;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * The soak harness, shortened to 15 s, against an echo server on our runtime in this process that
 * pings every connection each second: every echo verified, every idle connection answering the
 * server's Pings and ours, a sample a second, two live-heap histograms, sockets released, and a
 * verdict printed. Whether
 * this JVM grew in 15 s is not asserted: it is the client too, and still warming up.
 */
class SoakSmokeTest {
  private static final int IDLE = 300;
  private static final int ACTIVE = 5;

  @Test
  @Timeout(value = 60, unit = TimeUnit.SECONDS)
  void soakKeepsIdleConnectionsAnsweringPingsWhileActiveOnesEchoWithoutErrors() throws Exception {
    WebSocketConfig config = WebSocketConfig.builder().pingInterval(Duration.ofSeconds(1)).build();
    try (WebSocketServer server =
        WebSocketServer.builder()
            .bind(new InetSocketAddress("127.0.0.1", 0))
            .config(config)
            .handler(request -> Upgrade.accept(new Echo()))
            .start()) {
      SoakOptions options =
          SoakOptions.parse(
              List.of("--port", Integer.toString(server.port()), "--server-pid",
                  Long.toString(ProcessHandle.current().pid()), "--idle", Integer.toString(IDLE),
                  "--active", Integer.toString(ACTIVE), "--minutes", "0.25", "--sample-seconds", "1"));
      ByteArrayOutputStream printed = new ByteArrayOutputStream();
      SoakResult r = SoakRun.run(options, new PrintStream(printed, true, StandardCharsets.UTF_8));

      assertEquals(List.of(), r.failures());
      assertEquals(0, r.errors());
      assertEquals(IDLE, r.idleOpened());
      assertEquals(ACTIVE, r.activeOpened());
      assertEquals(IDLE, r.idleAlive());
      assertTrue(r.textEchoed() > 1_000, "only " + r.textEchoed() + " text echoes in 15 s");
      assertTrue(r.binaryEchoed() > 5, "only " + r.binaryEchoed() + " binary echoes in 15 s");
      assertEquals(16, r.samples().size(), "a sample at 0, 1, ..., 15 s");
      Sample last = r.samples().get(r.samples().size() - 1);
      assertTrue(last.pings() >= IDLE, "idle connections answered only " + last.pings() + " Pings");
      assertEquals(IDLE + ACTIVE, last.open());
      assertTrue(last.sockets() >= 2 * (IDLE + ACTIVE), "both ends of every connection are in this process");
      assertTrue(r.afterClose().sockets() <= r.baseline().sockets(), "sockets not released: " + r.afterClose());
      assertNotNull(r.heapAtFirstPeriod(), "jcmd took no histogram at the first period");
      assertNotNull(r.heapAtEnd(), "jcmd took no histogram at the end");
      assertTrue(r.heapAtEnd().liveBytes() > 0);

      ByteArrayOutputStream report = new ByteArrayOutputStream();
      SoakMain.report(options, r, new PrintStream(report, true, StandardCharsets.UTF_8));
      String text = report.toString(StandardCharsets.UTF_8);
      assertTrue(text.contains("\nVERDICT: "), text);
      assertTrue(text.contains("RESULT grew="), text);
      assertTrue(text.contains(" errors=0 "), text);
      assertTrue(text.contains("  live heap "), text);
    }
  }

  @Test
  @Timeout(value = 5, unit = TimeUnit.SECONDS)
  void soakRefusesARunTooShortForTheVerdict() {
    assertThrows(
        IllegalArgumentException.class,
        () -> SoakOptions.parse(List.of("--port", "1", "--server-pid", "1", "--minutes", "1", "--sample-seconds", "10")));
  }

  /** A correct echo. */
  private static final class Echo implements WebSocketListener {
    @Override
    public void onMessage(WebSocket socket, MessageEvent event) {
      if (event.isText()) socket.send(event.text());
      else socket.send(event.binary());
    }
  }
}
