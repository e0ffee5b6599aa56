package io.asyncws.runtime.interop;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.asyncws.runtime.MessageEvent;
import io.asyncws.runtime.WebSocket;
import io.asyncws.runtime.WebSocketClient;
import io.asyncws.runtime.WebSocketListener;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Our client against independent servers over real sockets: Jetty 12, Node {@code ws} and Python
 * {@code websockets}; text and binary from empty to 16 MiB, whole and fragmented (our client
 * fragments by its configured size; the servers reassemble and echo).
 */
@Tag("interop")
@Timeout(value = 180, unit = TimeUnit.SECONDS)
class ClientInteropTest {
  private static final MessagePlan PLAN = ServerInteropTest.PLAN;

  @ParameterizedTest(name = "fragment {0}")
  @ValueSource(ints = {0, ServerInteropTest.FRAGMENT})
  void clientGetsEveryEchoFromJetty(int fragment) throws Exception {
    try (JettyEchoServer server = JettyEchoServer.start()) {
      assertEquals(PLAN.messages().size(),
          AsyncwsClientPeer.run(server.uri(), PLAN.fragmentedBy(fragment), ServerInteropTest.RUN_TIMEOUT));
    }
  }

  @ParameterizedTest(name = "fragment {0}")
  @ValueSource(ints = {0, ServerInteropTest.FRAGMENT})
  void clientGetsEveryEchoFromNode(int fragment) throws Exception {
    try (ExternalPeer server = Peers.nodeEchoServer()) {
      assertEquals(PLAN.messages().size(),
          AsyncwsClientPeer.run(server.uri(), PLAN.fragmentedBy(fragment), ServerInteropTest.RUN_TIMEOUT));
    }
  }

  @ParameterizedTest(name = "fragment {0}")
  @ValueSource(ints = {0, ServerInteropTest.FRAGMENT})
  void clientGetsEveryEchoFromPython(int fragment) throws Exception {
    try (ExternalPeer server = Peers.pythonEchoServer()) {
      assertEquals(PLAN.messages().size(),
          AsyncwsClientPeer.run(server.uri(), PLAN.fragmentedBy(fragment), ServerInteropTest.RUN_TIMEOUT));
    }
  }

  @ParameterizedTest(name = "fragment {0}")
  @ValueSource(ints = {0, ServerInteropTest.FRAGMENT})
  void clientEchoesEverythingJettySends(int fragment) throws Exception {
    MessagePlan plan = PLAN.fragmentedBy(fragment);
    try (JettySendServer server = JettySendServer.start(plan);
        WebSocketClient client = WebSocketClient.create()) {
      client.connect(server.uri(), new WebSocketListener() {
        @Override
        public void onMessage(WebSocket socket, MessageEvent event) {
          if (event.isText()) socket.send(event.text());
          else socket.send(event.binary());
        }
      }).get(10, TimeUnit.SECONDS);
      assertEquals(PLAN.messages().size(),
          server.result().get(ServerInteropTest.RUN_TIMEOUT.toSeconds(), TimeUnit.SECONDS));
    }
  }

  @Test
  void clientReallySendsFragmentsOfConfiguredSize() throws Exception {
    MessagePlan plan = MessagePlan.parse("t2000,b5000").fragmentedBy(ServerInteropTest.FRAGMENT);
    try (JettyEchoServer server = JettyEchoServer.start();
        FrameCountingProxy proxy = FrameCountingProxy.start(server.uri())) {
      AsyncwsClientPeer.run(proxy.uri(), plan, ServerInteropTest.RUN_TIMEOUT);
      assertEquals(List.of(2, 5), proxy.clientFramesPerMessage());
    }
  }

  @ParameterizedTest(name = "fragment {0}")
  @ValueSource(ints = {0, ServerInteropTest.FRAGMENT})
  void clientGetsEveryEchoFromOurServer(int fragment) throws Exception {
    try (AsyncwsEchoServer server = AsyncwsEchoServer.start(fragment)) {
      assertEquals(PLAN.messages().size(),
          AsyncwsClientPeer.run(server.uri(), PLAN.fragmentedBy(fragment), ServerInteropTest.RUN_TIMEOUT));
    }
  }
}
