package io.asyncws.runtime.interop;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Proves the interop harness before the runtime exists: every peer is tested against an
 * independent implementation over real sockets on 127.0.0.1, with the payload sizes that move
 * the frame header between its length forms, whole and fragmented.
 */
@Tag("interop")
@Timeout(value = 120, unit = TimeUnit.SECONDS)
class PeerHarnessTest {
  /** Empty, 1 byte, both sides of the 7-bit and 16-bit length forms, 1 MiB and 16 MiB. */
  private static final MessagePlan PLAN =
      MessagePlan.textAndBinary(0, 1, 125, 126, 65535, 65536, 1 << 20, 16 << 20);
  /** Prime, so fragment boundaries fall inside UTF-8 characters and away from buffer sizes. */
  private static final int FRAGMENT = 1021;
  private static final Duration RUN_TIMEOUT = Duration.ofSeconds(90);

  private long childrenBefore;

  @BeforeEach
  void countChildren() {
    childrenBefore = ProcessHandle.current().descendants().count();
  }

  @AfterEach
  void noChildProcessLeftBehind() {
    assertEquals(childrenBefore, ProcessHandle.current().descendants().count(), "child processes left running");
  }

  private static MessagePlan plan(int fragment) {
    return PLAN.fragmentedBy(fragment);
  }

  /** Runs a script send client against {@code server} and asserts it verified every echo. */
  private static void assertSendClientPasses(URI server, Function<URI, ExternalPeer> client) throws Exception {
    assertSendClientPasses(server, PLAN, client);
  }

  private static void assertSendClientPasses(URI server, MessagePlan plan, Function<URI, ExternalPeer> client)
      throws Exception {
    try (ExternalPeer peer = client.apply(server)) {
      int status = peer.awaitExit(RUN_TIMEOUT);
      assertEquals("OK " + plan.messages().size(), peer.lastLine(), () -> "output: " + peer.output());
      assertEquals(0, status);
    }
  }

  @ParameterizedTest(name = "fragment {0}")
  @ValueSource(ints = {0, FRAGMENT})
  void nodeSendClientGetsEchoesFromPythonServer(int fragment) throws Exception {
    try (ExternalPeer server = Peers.pythonEchoServer()) {
      assertSendClientPasses(server.uri(), uri -> Peers.nodeSendClient(uri, plan(fragment)));
    }
  }

  @ParameterizedTest(name = "fragment {0}")
  @ValueSource(ints = {0, FRAGMENT})
  void pythonSendClientGetsEchoesFromNodeServer(int fragment) throws Exception {
    try (ExternalPeer server = Peers.nodeEchoServer()) {
      assertSendClientPasses(server.uri(), uri -> Peers.pythonSendClient(uri, plan(fragment)));
    }
  }

  @ParameterizedTest(name = "fragment {0}")
  @ValueSource(ints = {0, FRAGMENT})
  void nodeAndPythonSendClientsGetEchoesFromJettyServer(int fragment) throws Exception {
    try (JettyEchoServer server = JettyEchoServer.start()) {
      assertSendClientPasses(server.uri(), uri -> Peers.nodeSendClient(uri, plan(fragment)));
      assertSendClientPasses(server.uri(), uri -> Peers.pythonSendClient(uri, plan(fragment)));
    }
  }

  @ParameterizedTest(name = "fragment {0}")
  @ValueSource(ints = {0, FRAGMENT})
  void jettyClientGetsEchoesFromNodeAndPythonServers(int fragment) throws Exception {
    try (ExternalPeer node = Peers.nodeEchoServer(); ExternalPeer python = Peers.pythonEchoServer()) {
      assertEquals(PLAN.messages().size(), JettyClientPeer.run(node.uri(), plan(fragment), RUN_TIMEOUT));
      assertEquals(PLAN.messages().size(), JettyClientPeer.run(python.uri(), plan(fragment), RUN_TIMEOUT));
    }
  }

  @ParameterizedTest(name = "fragment {0}")
  @ValueSource(ints = {0, FRAGMENT})
  void jdkClientGetsEchoesFromJettyNodeAndPythonServers(int fragment) throws Exception {
    try (JettyEchoServer jetty = JettyEchoServer.start();
        ExternalPeer node = Peers.nodeEchoServer();
        ExternalPeer python = Peers.pythonEchoServer()) {
      for (URI uri : new URI[] {jetty.uri(), node.uri(), python.uri()}) {
        assertEquals(PLAN.messages().size(), JdkClientPeer.run(uri, plan(fragment), RUN_TIMEOUT), uri::toString);
      }
    }
  }

  @ParameterizedTest(name = "fragment {0}")
  @ValueSource(ints = {0, FRAGMENT})
  void nodeAndPythonEchoClientsEchoWhatJettyServerSends(int fragment) throws Exception {
    for (Function<URI, ExternalPeer> echoClient :
        List.<Function<URI, ExternalPeer>>of(Peers::nodeEchoClient, Peers::pythonEchoClient)) {
      try (JettySendServer server = JettySendServer.start(plan(fragment));
          ExternalPeer client = echoClient.apply(server.uri())) {
        // Whichever ends first: a client that failed to connect must not leave the server waiting.
        CompletableFuture.anyOf(server.result(), client.onExit()).get(RUN_TIMEOUT.toSeconds(), TimeUnit.SECONDS);
        assertEquals(0, client.awaitExit(RUN_TIMEOUT), () -> "output: " + client.output());
        assertEquals(PLAN.messages().size(), server.result().getNow(-1));
        assertEquals("CLOSED 1000 " + MessagePlan.CLOSE_REASON, client.lastLineStartingWith("CLOSED"), () -> "output: " + client.output());
      }
    }
  }

  @Test
  void sendClientsReportFailureWhenServerRejectsOversizedMessage() throws Exception {
    MessagePlan tooBig = MessagePlan.parse("b" + (InteropLimits.MESSAGE_MAX + 1));
    try (ExternalPeer node = Peers.nodeEchoServer(); ExternalPeer python = Peers.pythonEchoServer()) {
      for (ExternalPeer client : new ExternalPeer[] {
          Peers.pythonSendClient(node.uri(), tooBig), Peers.nodeSendClient(python.uri(), tooBig)}) {
        try (client) {
          assertEquals(1, client.awaitExit(RUN_TIMEOUT), () -> "output: " + client.output());
          assertTrue(client.lastLineStartingWith("FAIL").contains("1009"), () -> "output: " + client.output());
        }
      }
    }
  }

  @Test
  void fragmentedSendsReallyPutSeveralFramesOnTheWire() throws Exception {
    MessagePlan plan = MessagePlan.parse("t1,b5000").fragmentedBy(FRAGMENT);
    // Frames per message from each client: Payloads.fragments gives 2 and 5; Python adds an
    // empty final frame to its 1 and 5 pieces; Node cuts b5000 at exact offsets into 5.
    try (JettyEchoServer server = JettyEchoServer.start()) {
      try (FrameCountingProxy proxy = FrameCountingProxy.start(server.uri())) {
        JdkClientPeer.run(proxy.uri(), plan, RUN_TIMEOUT);
        assertEquals(List.of(2, 5), proxy.clientFramesPerMessage(), "JDK client");
        assertEquals(List.of(1, 1), proxy.serverFramesPerMessage(), "Jetty echoes whole messages");
      }
      try (FrameCountingProxy proxy = FrameCountingProxy.start(server.uri())) {
        JettyClientPeer.run(proxy.uri(), plan, RUN_TIMEOUT);
        assertEquals(List.of(2, 5), proxy.clientFramesPerMessage(), "Jetty client");
      }
      try (FrameCountingProxy proxy = FrameCountingProxy.start(server.uri())) {
        assertSendClientPasses(proxy.uri(), plan, uri -> Peers.nodeSendClient(uri, plan));
        assertEquals(List.of(2, 5), proxy.clientFramesPerMessage(), "Node client");
      }
      try (FrameCountingProxy proxy = FrameCountingProxy.start(server.uri())) {
        assertSendClientPasses(proxy.uri(), plan, uri -> Peers.pythonSendClient(uri, plan));
        assertEquals(List.of(2, 6), proxy.clientFramesPerMessage(), "Python client");
      }
    }
  }

  @Test
  void echoServersExitWithStatusZeroOnSigterm() throws Exception {
    for (ExternalPeer server : new ExternalPeer[] {Peers.nodeEchoServer(), Peers.pythonEchoServer()}) {
      server.close();
      assertEquals(0, server.awaitExit(Duration.ofSeconds(1)), () -> server + " output: " + server.output());
    }
  }
}
