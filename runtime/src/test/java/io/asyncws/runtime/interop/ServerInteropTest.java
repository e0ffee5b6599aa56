package io.asyncws.runtime.interop;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.net.URI;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Our server against independent clients over real sockets: the JDK's {@code
 * java.net.http.WebSocket}, Jetty 12, Node {@code ws} and Python {@code websockets}; text and
 * binary from empty to 16 MiB, whole and fragmented (the clients fragment; our server reassembles
 * and echoes whole messages).
 */
@Tag("interop")
@Timeout(value = 180, unit = TimeUnit.SECONDS)
class ServerInteropTest {
  /** Empty, 1 byte, both sides of the 7-bit and 16-bit length forms, 1 MiB and 16 MiB. */
  static final MessagePlan PLAN =
      MessagePlan.textAndBinary(0, 1, 125, 126, 65535, 65536, 1 << 20, 16 << 20);
  /** Prime, so fragment boundaries fall inside UTF-8 characters and away from buffer sizes. */
  static final int FRAGMENT = 1021;
  static final Duration RUN_TIMEOUT = Duration.ofSeconds(120);

  private static AsyncwsEchoServer server;

  @BeforeAll
  static void start() {
    server = AsyncwsEchoServer.start(0);
  }

  @AfterAll
  static void stop() {
    server.close();
  }

  @ParameterizedTest(name = "fragment {0}")
  @ValueSource(ints = {0, FRAGMENT})
  void jdkClientGetsEveryEcho(int fragment) throws Exception {
    assertEquals(PLAN.messages().size(), JdkClientPeer.run(server.uri(), PLAN.fragmentedBy(fragment), RUN_TIMEOUT));
  }

  @ParameterizedTest(name = "fragment {0}")
  @ValueSource(ints = {0, FRAGMENT})
  void jettyClientGetsEveryEcho(int fragment) throws Exception {
    assertEquals(PLAN.messages().size(), JettyClientPeer.run(server.uri(), PLAN.fragmentedBy(fragment), RUN_TIMEOUT));
  }

  @ParameterizedTest(name = "fragment {0}")
  @ValueSource(ints = {0, FRAGMENT})
  void nodeClientGetsEveryEcho(int fragment) throws Exception {
    assertScriptClientPasses(uri -> Peers.nodeSendClient(uri, PLAN.fragmentedBy(fragment)));
  }

  @ParameterizedTest(name = "fragment {0}")
  @ValueSource(ints = {0, FRAGMENT})
  void pythonClientGetsEveryEcho(int fragment) throws Exception {
    assertScriptClientPasses(uri -> Peers.pythonSendClient(uri, PLAN.fragmentedBy(fragment)));
  }

  private static void assertScriptClientPasses(Function<URI, ExternalPeer> client) throws Exception {
    try (ExternalPeer peer = client.apply(server.uri())) {
      int status = peer.awaitExit(RUN_TIMEOUT);
      assertEquals("OK " + PLAN.messages().size(), peer.lastLineStartingWith(""), () -> "output: " + peer.output());
      assertEquals(0, status);
    }
  }
}
