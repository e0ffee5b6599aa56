package io.asyncws.runtime.interop;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.asyncws.runtime.MessageEvent;
import io.asyncws.runtime.WebSocket;
import io.asyncws.runtime.WebSocketClient;
import io.asyncws.runtime.WebSocketConfig;
import io.asyncws.runtime.WebSocketListener;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * permessage-deflate over real sockets, compression on at both ends and every message
 * compressed however short: our server against Node {@code ws}, Python {@code websockets}, Jetty
 * 12 and the JDK client; our client against Node, Python and Jetty servers. Text and binary from
 * empty to 16 MiB, whole and fragmented (fragment 1021: our side then also sends compressed
 * messages in fragments, RSV1 on the first only). Each test checks that the extension was really
 * agreed, so a silent fallback to plain frames cannot pass.
 */
@Tag("interop")
@Timeout(value = 240, unit = TimeUnit.SECONDS)
class DeflateInteropTest {
  private static final MessagePlan PLAN = ServerInteropTest.PLAN;
  private static final Duration RUN_TIMEOUT = ServerInteropTest.RUN_TIMEOUT;

  // ---- our server, compressing every echo ----

  @ParameterizedTest(name = "fragment {0}")
  @ValueSource(ints = {0, ServerInteropTest.FRAGMENT})
  void serverEchoesCompressedToNodeClient(int fragment) throws Exception {
    assertScriptClientPasses(fragment, uri -> Peers.nodeDeflateSendClient(uri, PLAN.fragmentedBy(fragment)));
  }

  /**
   * java.util.zip cannot shrink its window; asked for 2^9 bytes, our server compresses only
   * messages of at most 512 bytes, each afresh. ws inflates with a 512-byte window and would
   * fail the connection on any reference further back.
   */
  @ParameterizedTest(name = "window bits {0}")
  @ValueSource(ints = {9, 10, 12})
  void serverKeepsToTheWindowNodeClientAskedFor(int bits) throws Exception {
    // Repetitive text around the window size, then larger messages that must go plain.
    MessagePlan plan = MessagePlan.textAndBinary(0, 1, 255, 256, 511, 512, 513, 1023, 1024, 4096, 65536);
    assertScriptClientPasses(0, uri -> Peers.nodeDeflateSendClient(uri, plan, bits), plan);
  }

  @ParameterizedTest(name = "fragment {0}")
  @ValueSource(ints = {0, ServerInteropTest.FRAGMENT})
  void serverEchoesCompressedToPythonClient(int fragment) throws Exception {
    assertScriptClientPasses(fragment, uri -> Peers.pythonDeflateSendClient(uri, PLAN.fragmentedBy(fragment)));
  }

  @ParameterizedTest(name = "fragment {0}")
  @ValueSource(ints = {0, ServerInteropTest.FRAGMENT})
  void serverEchoesCompressedToJettyClient(int fragment) throws Exception {
    try (AsyncwsEchoServer server = AsyncwsEchoServer.startDeflate(fragment)) {
      assertEquals(PLAN.messages().size(),
          JettyClientPeer.runDeflate(server.uri(), PLAN.fragmentedBy(fragment), RUN_TIMEOUT));
      assertAgreed(server);
    }
  }

  /** The JDK's client offers no extension at all: a deflate-enabled server talks plain to it. */
  @ParameterizedTest(name = "fragment {0}")
  @ValueSource(ints = {0, ServerInteropTest.FRAGMENT})
  void serverTalksPlainToJdkClientWhichOffersNoDeflate(int fragment) throws Exception {
    try (AsyncwsEchoServer server = AsyncwsEchoServer.startDeflate(fragment)) {
      assertEquals(PLAN.messages().size(),
          JdkClientPeer.run(server.uri(), PLAN.fragmentedBy(fragment), RUN_TIMEOUT));
      assertEquals(List.of(""), server.extensions());
    }
  }

  private static void assertScriptClientPasses(int fragment, Function<URI, ExternalPeer> client)
      throws Exception {
    assertScriptClientPasses(fragment, client, PLAN);
  }

  private static void assertScriptClientPasses(
      int fragment, Function<URI, ExternalPeer> client, MessagePlan plan) throws Exception {
    try (AsyncwsEchoServer server = AsyncwsEchoServer.startDeflate(fragment);
        ExternalPeer peer = client.apply(server.uri())) {
      int status = peer.awaitExit(RUN_TIMEOUT);
      assertEquals("OK " + plan.messages().size(), peer.lastLineStartingWith(""),
          () -> "output: " + peer.output());
      assertEquals(0, status);
      assertAgreed(server);
    }
  }

  private static void assertAgreed(AsyncwsEchoServer server) {
    List<String> agreed = server.extensions();
    assertEquals(1, agreed.size(), agreed::toString);
    assertTrue(agreed.get(0).startsWith("permessage-deflate"), agreed::toString);
  }

  // ---- our client, compressing every message ----

  @ParameterizedTest(name = "fragment {0}")
  @ValueSource(ints = {0, ServerInteropTest.FRAGMENT})
  void clientGetsCompressedEchoesFromNode(int fragment) throws Exception {
    try (ExternalPeer server = Peers.nodeDeflateEchoServer()) {
      assertEquals(PLAN.messages().size(),
          AsyncwsClientPeer.runDeflate(server.uri(), PLAN.fragmentedBy(fragment), RUN_TIMEOUT));
    }
  }

  /** websockets' server answers with client_max_window_bits=12: our client keeps to 4 KiB. */
  @ParameterizedTest(name = "fragment {0}")
  @ValueSource(ints = {0, ServerInteropTest.FRAGMENT})
  void clientGetsCompressedEchoesFromPython(int fragment) throws Exception {
    try (ExternalPeer server = Peers.pythonDeflateEchoServer()) {
      assertEquals(PLAN.messages().size(),
          AsyncwsClientPeer.runDeflate(server.uri(), PLAN.fragmentedBy(fragment), RUN_TIMEOUT));
    }
  }

  @ParameterizedTest(name = "fragment {0}")
  @ValueSource(ints = {0, ServerInteropTest.FRAGMENT})
  void clientGetsCompressedEchoesFromJetty(int fragment) throws Exception {
    try (JettyEchoServer server = JettyEchoServer.start()) {
      assertEquals(PLAN.messages().size(),
          AsyncwsClientPeer.runDeflate(server.uri(), PLAN.fragmentedBy(fragment), RUN_TIMEOUT));
    }
  }

  /** Jetty sends the plan (compressing it), our client echoes it compressed. */
  @ParameterizedTest(name = "fragment {0}")
  @ValueSource(ints = {0, ServerInteropTest.FRAGMENT})
  void clientEchoesCompressedWhatJettySends(int fragment) throws Exception {
    MessagePlan plan = PLAN.fragmentedBy(fragment);
    WebSocketConfig config =
        WebSocketConfig.builder().eventLoops(1).perMessageDeflate(true).compressionThreshold(0).build();
    try (JettySendServer server = JettySendServer.start(plan);
        WebSocketClient client = WebSocketClient.create(config)) {
      WebSocket socket = client.connect(server.uri(), new WebSocketListener() {
        @Override
        public void onMessage(WebSocket socket, MessageEvent event) {
          if (event.isText()) socket.send(event.text());
          else socket.send(event.binary());
        }
      }).get(10, TimeUnit.SECONDS);
      assertTrue(socket.extensions().startsWith("permessage-deflate"), socket.extensions());
      assertEquals(PLAN.messages().size(),
          server.result().get(RUN_TIMEOUT.toSeconds(), TimeUnit.SECONDS));
    }
  }
}
