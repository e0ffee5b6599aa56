package io.asyncws.benchmarks.load;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.asyncws.runtime.MessageEvent;
import io.asyncws.runtime.Upgrade;
import io.asyncws.runtime.WebSocket;
import io.asyncws.runtime.WebSocketListener;
import io.asyncws.runtime.WebSocketServer;
import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * The load program against echo servers built on our runtime, in this process: it must verify
 * real echoes with zero errors, and must catch an echo that is altered or out of order (a
 * verifier that cannot fail would publish numbers for a broken server).
 */
@Timeout(value = 30, unit = TimeUnit.SECONDS)
class LoadSmokeTest {

  @Test
  void loadVerifiesTextEchoesFromOurServerWithZeroErrors() throws Exception {
    try (WebSocketServer server = start(Echo::new)) {
      EchoResult r = EchoLoad.run(echo(server, 4, 32, false, 8, 1.0));
      assertEquals(List.of(), r.failures());
      assertEquals(0, r.errors());
      assertTrue(r.messages() > 100, "only " + r.messages() + " echoes verified in 1 s");
      assertTrue(r.p50Micros() > 0 && r.p50Micros() <= r.p99Micros() && r.p99Micros() <= r.p999Micros());
    }
  }

  @Test
  void loadVerifiesFragmentSized64KiBBinaryEchoesFromOurServer() throws Exception {
    try (WebSocketServer server = start(Echo::new)) {
      EchoResult r = EchoLoad.run(echo(server, 2, 64 << 10, true, 4, 0.5));
      assertEquals(List.of(), r.failures());
      assertEquals(0, r.errors());
      assertTrue(r.messages() > 0);
    }
  }

  @Test
  void loadVerifiesJsonEchoesRewrittenByJackson() throws Exception {
    // The generated server's path in small: parse into a record, write it again.
    for (int size : new int[] {32, 64 << 10}) {
      try (WebSocketServer server = start(JacksonEcho::new)) {
        EchoResult r = EchoLoad.run(echo(server, 3, size, false, 4, 0.5, "--payload", "json"));
        assertEquals(List.of(), r.failures());
        assertEquals(0, r.errors());
        assertTrue(r.messages() > 0);
      }
    }
  }

  @Test
  void loadReportsJsonEchoWithSeqChanged() throws Exception {
    try (WebSocketServer server = start(SeqBumper::new)) {
      EchoResult r = EchoLoad.run(echo(server, 1, 32, false, 2, 0.3, "--payload", "json"));
      assertTrue(r.errors() > 0);
      assertTrue(r.failures().get(0).contains("differs from what was sent"), r.failures().get(0));
    }
  }

  @Test
  void loadReportsAnEchoWithOneByteChanged() throws Exception {
    try (WebSocketServer server = start(ByteFlipper::new)) {
      EchoResult r = EchoLoad.run(echo(server, 1, 32, true, 1, 0.3));
      assertTrue(r.errors() > 0);
      assertTrue(r.failures().get(0).contains("differs from what was sent"), r.failures().get(0));
    }
  }

  @Test
  void loadReportsEchoesSwappedInPairs() throws Exception {
    try (WebSocketServer server = start(PairSwapper::new)) {
      EchoResult r = EchoLoad.run(echo(server, 1, 32, false, 4, 0.3));
      assertTrue(r.errors() > 0);
      assertTrue(r.failures().get(0).contains("differs from what was sent"), r.failures().get(0));
    }
  }

  @Test
  void connectionsModeKeepsEveryIdleConnectionAndReadsServerMemory() throws Exception {
    try (WebSocketServer server = start(Echo::new)) {
      LoadOptions options =
          LoadOptions.parse(
              List.of("connections", "--port", Integer.toString(server.port()), "--connections", "20",
                  "--server-pid", Long.toString(ProcessHandle.current().pid())));
      IdleConnections.Result r = IdleConnections.run(options);
      assertEquals(List.of(), r.failures());
      assertEquals(20, r.opened());
      assertEquals(20, r.alive());
      assertEquals(0, r.errors(20));
      assertTrue(r.rssBefore() > 0 && r.rssAfter() > 0);
    }
  }

  private static LoadOptions echo(
      WebSocketServer server, int connections, int size, boolean binary, int window, double seconds,
      String... more) {
    List<String> args =
        new ArrayList<>(
            List.of("echo", "--port", Integer.toString(server.port()), "--connections",
                Integer.toString(connections), "--size", Integer.toString(size), "--window",
                Integer.toString(window), "--warmup", "0.2", "--duration", Double.toString(seconds)));
    if (binary) args.add("--binary");
    args.addAll(List.of(more));
    return LoadOptions.parse(args);
  }

  private static WebSocketServer start(Supplier<WebSocketListener> listener) {
    return WebSocketServer.builder()
        .bind(new InetSocketAddress("127.0.0.1", 0))
        .handler(request -> Upgrade.accept(listener.get()))
        .start();
  }

  /** A correct echo. */
  private static final class Echo implements WebSocketListener {
    @Override
    public void onMessage(WebSocket socket, MessageEvent event) {
      if (event.isText()) socket.send(event.text());
      else socket.send(event.binary());
    }
  }

  /** The echo contract's message; Jackson is on the class path through the generator. */
  record JsonEchoMessage(long seq, String data) {}

  /** Parses each message into a record and writes it again, as the generated server does. */
  private static final class JacksonEcho implements WebSocketListener {
    private static final ObjectMapper MAPPER = new ObjectMapper();

    @Override
    public void onMessage(WebSocket socket, MessageEvent event) {
      try {
        socket.send(MAPPER.writeValueAsString(MAPPER.readValue(event.text(), JsonEchoMessage.class)));
      } catch (JsonProcessingException e) {
        socket.close(1007, "not an echo message");
      }
    }
  }

  /** Echoes JSON messages with seq one higher: still valid JSON, and the wrong echo. */
  private static final class SeqBumper implements WebSocketListener {
    private static final ObjectMapper MAPPER = new ObjectMapper();

    @Override
    public void onMessage(WebSocket socket, MessageEvent event) {
      try {
        JsonEchoMessage m = MAPPER.readValue(event.text(), JsonEchoMessage.class);
        socket.send(MAPPER.writeValueAsString(new JsonEchoMessage(m.seq() + 1, m.data())));
      } catch (JsonProcessingException e) {
        socket.close(1007, "not an echo message");
      }
    }
  }

  /** Echoes binary messages with their last byte changed. */
  private static final class ByteFlipper implements WebSocketListener {
    @Override
    public void onMessage(WebSocket socket, MessageEvent event) {
      ByteBuffer data = event.binary();
      int last = data.limit() - 1;
      data.put(last, (byte) (data.get(last) ^ 1));
      socket.send(data);
    }
  }

  /** Echoes text messages intact but swaps each pair: 2, 1, 4, 3, ... */
  private static final class PairSwapper implements WebSocketListener {
    private String held;

    @Override
    public void onMessage(WebSocket socket, MessageEvent event) {
      if (held == null) {
        held = event.text();
      } else {
        socket.send(event.text());
        socket.send(held);
        held = null;
      }
    }
  }
}
