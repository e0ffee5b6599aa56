package io.asyncws.runtime.interop;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.net.URI;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Our server over {@code wss://} against independent clients: the JDK's {@code HttpClient},
 * Jetty 12, Node {@code ws} and Python {@code websockets}, each trusting only the test
 * certificate; text and binary from empty to 16 MiB (the plain plan), so records are split and
 * joined at every size class. One client also fragments.
 */
@Tag("interop")
@Timeout(value = 180, unit = TimeUnit.SECONDS)
class TlsServerInteropTest {
  private static final MessagePlan PLAN = ServerInteropTest.PLAN;
  private static final TestCertificate CERT = TestCertificate.localhost();

  private static AsyncwsEchoServer server;

  @BeforeAll
  static void start() {
    server = AsyncwsEchoServer.startTls(0, CERT.serverContext());
  }

  @AfterAll
  static void stop() {
    server.close();
  }

  @Test
  void jdkClientGetsEveryEchoOverTls() throws Exception {
    assertEquals(PLAN.messages().size(),
        JdkClientPeer.run(server.uri(), PLAN, ServerInteropTest.RUN_TIMEOUT, CERT.clientContext()));
  }

  @Test
  void jdkClientGetsEveryFragmentedEchoOverTls() throws Exception {
    MessagePlan plan = PLAN.fragmentedBy(ServerInteropTest.FRAGMENT);
    assertEquals(PLAN.messages().size(),
        JdkClientPeer.run(server.uri(), plan, ServerInteropTest.RUN_TIMEOUT, CERT.clientContext()));
  }

  @Test
  void jdkClientOnTls12GetsEveryEcho() throws Exception {
    assertEquals(PLAN.messages().size(),
        JdkClientPeer.run(server.uri(), PLAN, ServerInteropTest.RUN_TIMEOUT, CERT.clientContext("TLSv1.2")));
  }

  @Test
  void jettyClientGetsEveryEchoOverTls() throws Exception {
    assertEquals(PLAN.messages().size(),
        JettyClientPeer.run(server.uri(), PLAN, ServerInteropTest.RUN_TIMEOUT, CERT.clientContext()));
  }

  @Test
  void nodeClientGetsEveryEchoOverTls() throws Exception {
    assertScriptClientPasses(uri -> Peers.nodeTlsSendClient(uri, PLAN, CERT));
  }

  @Test
  void pythonClientGetsEveryEchoOverTls() throws Exception {
    assertScriptClientPasses(uri -> Peers.pythonTlsSendClient(uri, PLAN, CERT));
  }

  private static void assertScriptClientPasses(Function<URI, ExternalPeer> client) throws Exception {
    try (ExternalPeer peer = client.apply(server.uri())) {
      int status = peer.awaitExit(ServerInteropTest.RUN_TIMEOUT);
      assertEquals("OK " + PLAN.messages().size(), peer.lastLineStartingWith(""), () -> "output: " + peer.output());
      assertEquals(0, status);
    }
  }
}
