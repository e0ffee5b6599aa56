package io.asyncws.runtime.interop;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Our client over {@code wss://} against independent TLS servers: Node {@code ws} on {@code
 * https.createServer}, Python {@code websockets} with an {@code ssl} context, Jetty 12 with an
 * {@code SslContextFactory}, and our own server; text and binary from empty to 16 MiB. The client
 * trusts only the test certificate and verifies the host name, as it always does.
 */
@Tag("interop")
@Timeout(value = 180, unit = TimeUnit.SECONDS)
class TlsClientInteropTest {
  private static final MessagePlan PLAN = ServerInteropTest.PLAN;
  private static final TestCertificate CERT = TestCertificate.localhost();
  private static final Duration RUN_TIMEOUT = ServerInteropTest.RUN_TIMEOUT;

  @Test
  void clientGetsEveryEchoFromNodeOverTls() throws Exception {
    try (ExternalPeer server = Peers.nodeTlsEchoServer(CERT)) {
      assertEquals(PLAN.messages().size(),
          AsyncwsClientPeer.run(server.secureUri("127.0.0.1"), PLAN, RUN_TIMEOUT, CERT.clientContext()));
    }
  }

  @Test
  void clientGetsEveryEchoFromPythonOverTls() throws Exception {
    try (ExternalPeer server = Peers.pythonTlsEchoServer(CERT)) {
      assertEquals(PLAN.messages().size(),
          AsyncwsClientPeer.run(server.secureUri("127.0.0.1"), PLAN, RUN_TIMEOUT, CERT.clientContext()));
    }
  }

  @Test
  void clientGetsEveryEchoFromJettyOverTls() throws Exception {
    try (JettyEchoServer server = JettyEchoServer.startTls(CERT.serverContext())) {
      assertEquals(PLAN.messages().size(),
          AsyncwsClientPeer.run(server.uri(), PLAN, RUN_TIMEOUT, CERT.clientContext()));
    }
  }

  @Test
  void clientGetsEveryFragmentedEchoFromOurServerOverTls() throws Exception {
    MessagePlan plan = PLAN.fragmentedBy(ServerInteropTest.FRAGMENT);
    try (AsyncwsEchoServer server =
        AsyncwsEchoServer.startTls(ServerInteropTest.FRAGMENT, CERT.serverContext())) {
      assertEquals(PLAN.messages().size(),
          AsyncwsClientPeer.run(server.uri(), plan, RUN_TIMEOUT, CERT.clientContext()));
    }
  }

  @Test
  void clientSendsHostNameInSniAndNoneForAnIpAddress() throws Exception {
    MessagePlan plan = MessagePlan.parse("t5");
    ExternalPeer server = Peers.nodeTlsEchoServer(CERT);
    try (server) {
      AsyncwsClientPeer.run(server.secureUri("localhost"), plan, RUN_TIMEOUT, CERT.clientContext());
      AsyncwsClientPeer.run(server.secureUri("127.0.0.1"), plan, RUN_TIMEOUT, CERT.clientContext());
    }
    // Closed: its output is complete.
    assertEquals(java.util.List.of("SNI localhost", "SNI -"),
        server.output().stream().filter(line -> line.startsWith("SNI ")).toList(),
        () -> "output: " + server.output());
  }
}
