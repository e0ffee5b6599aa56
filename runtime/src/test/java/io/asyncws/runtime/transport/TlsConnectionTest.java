package io.asyncws.runtime.transport;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.asyncws.runtime.CloseEvent;
import io.asyncws.runtime.MessageEvent;
import io.asyncws.runtime.Upgrade;
import io.asyncws.runtime.WebSocket;
import io.asyncws.runtime.WebSocketClient;
import io.asyncws.runtime.WebSocketConfig;
import io.asyncws.runtime.WebSocketListener;
import io.asyncws.runtime.WebSocketServer;
import io.asyncws.runtime.interop.ExternalPeer;
import io.asyncws.runtime.interop.Peers;
import io.asyncws.runtime.interop.TestCertificate;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLException;
import javax.net.ssl.SSLHandshakeException;
import javax.net.ssl.SSLSocket;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * TLS beyond the happy path: certificates that do not fit, plain and TLS endpoints that meet,
 * renegotiation, and close_notify after the WebSocket closing handshake in both roles.
 */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class TlsConnectionTest {
  private static final TestCertificate CERT = TestCertificate.localhost();
  private static final Duration PEER_TIMEOUT = Duration.ofSeconds(30);
  private static final String UPGRADE =
      "GET / HTTP/1.1\r\nHost: localhost\r\nUpgrade: websocket\r\nConnection: Upgrade\r\n"
          + "Sec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\nSec-WebSocket-Version: 13\r\n\r\n";

  @Test
  void clientFailsWhenCertificateNamesAnotherHost() throws Exception {
    TestCertificate other = TestCertificate.generate("other.example", "dns:other.example");
    try (WebSocketServer server = echoServer(other.serverContext());
        WebSocketClient client = WebSocketClient.builder().tls(other.clientContext()).build()) {
      ExecutionException failure = assertThrows(ExecutionException.class,
          () -> client.connect(URI.create("wss://localhost:" + server.port() + "/"), new WebSocketListener() {})
              .get(20, TimeUnit.SECONDS));
      SSLHandshakeException cause = assertInstanceOf(SSLHandshakeException.class, failure.getCause());
      assertTrue(cause.getMessage().startsWith("The TLS handshake with localhost:" + server.port() + " failed: "),
          cause.getMessage());
      assertTrue(cause.getMessage().contains("matching localhost found"), cause.getMessage());
    }
  }

  @Test
  void clientWithDefaultTrustRejectsTestCertificate() throws Exception {
    try (WebSocketServer server = echoServer(CERT.serverContext());
        WebSocketClient client = WebSocketClient.create()) {
      ExecutionException failure = assertThrows(ExecutionException.class,
          () -> client.connect(URI.create("wss://localhost:" + server.port() + "/"), new WebSocketListener() {})
              .get(20, TimeUnit.SECONDS));
      SSLHandshakeException cause = assertInstanceOf(SSLHandshakeException.class, failure.getCause());
      assertTrue(cause.getMessage().contains("PKIX path building failed"), cause.getMessage());
    }
  }

  @Test
  void plainClientToTlsServerFailsQuickly() throws Exception {
    try (WebSocketServer server = echoServer(CERT.serverContext());
        WebSocketClient client = WebSocketClient.create()) {
      ExecutionException failure = assertThrows(ExecutionException.class,
          () -> client.connect(URI.create("ws://127.0.0.1:" + server.port() + "/"), new WebSocketListener() {})
              .get(5, TimeUnit.SECONDS)); // well below the 10 s handshake timeout: the server drops it
      assertInstanceOf(IOException.class, failure.getCause());
      assertEquals(0, server.connections().size());
    }
  }

  @Test
  void tlsClientToPlainServerFailsQuickly() throws Exception {
    try (WebSocketServer server = echoServer(null);
        WebSocketClient client = WebSocketClient.builder().tls(CERT.clientContext()).build()) {
      ExecutionException failure = assertThrows(ExecutionException.class,
          () -> client.connect(URI.create("wss://127.0.0.1:" + server.port() + "/"), new WebSocketListener() {})
              .get(5, TimeUnit.SECONDS));
      SSLHandshakeException cause = assertInstanceOf(SSLHandshakeException.class, failure.getCause());
      assertTrue(cause.getMessage().startsWith("The TLS handshake with 127.0.0.1:"), cause.getMessage());
    }
  }

  @Test
  void serverRefusesTls12Renegotiation() throws Exception {
    CompletableFuture<CloseEvent> closed = new CompletableFuture<>();
    try (WebSocketServer server = WebSocketServer.builder()
            .config(WebSocketConfig.builder().eventLoops(1).build())
            .tls(CERT.serverContext())
            .handler(request -> Upgrade.accept(new WebSocketListener() {
              @Override
              public void onClose(WebSocket socket, CloseEvent event) {
                closed.complete(event);
              }
            }))
            .start();
        SSLSocket socket = (SSLSocket) CERT.clientContext("TLSv1.2").getSocketFactory()
            .createSocket("127.0.0.1", server.port())) {
      socket.setSoTimeout(10_000);
      socket.setEnabledProtocols(new String[] {"TLSv1.2"});
      socket.startHandshake();
      socket.getOutputStream().write(UPGRADE.getBytes(StandardCharsets.US_ASCII));
      assertTrue(readHead(socket.getInputStream()).startsWith("HTTP/1.1 101"));
      // A second handshake on the open connection: the server must drop it, not go along.
      assertThrows(SSLException.class, () -> {
        socket.startHandshake();
        socket.getOutputStream().write(new byte[] {(byte) 0x89, (byte) 0x80, 0, 0, 0, 0}); // ping
        if (socket.getInputStream().read() < 0) throw new SSLException("ended");
      });
      CloseEvent event = closed.get(10, TimeUnit.SECONDS);
      assertEquals(1006, event.code(), event.toString());
    }
  }

  @Test
  void serverSendsCloseNotifyAfterClosingHandshake() throws Exception {
    try (WebSocketServer server = echoServer(CERT.serverContext());
        ExternalPeer probe = Peers.pythonTlsCloseProbeClient("localhost", server.port(), CERT)) {
      probe.awaitExit(PEER_TIMEOUT);
      assertEquals("CLOSE_NOTIFY", probe.lastLine(), () -> "output: " + probe.output());
    }
  }

  @Test
  void clientSendsCloseNotifyAfterClosingHandshake() throws Exception {
    CompletableFuture<CloseEvent> closed = new CompletableFuture<>();
    WebSocketConfig config =
        WebSocketConfig.builder().eventLoops(1).closeTimeout(Duration.ofSeconds(1)).build();
    try (ExternalPeer probe = Peers.pythonTlsCloseProbeServer(CERT);
        WebSocketClient client =
            WebSocketClient.builder().config(config).tls(CERT.clientContext()).build()) {
      WebSocket socket = client.connect(probe.secureUri("localhost"), new WebSocketListener() {
        @Override
        public void onClose(WebSocket s, CloseEvent event) {
          closed.complete(event);
        }
      }).get(20, TimeUnit.SECONDS);
      socket.close(1000, "bye");
      CloseEvent event = closed.get(20, TimeUnit.SECONDS);
      assertEquals(1000, event.code());
      assertTrue(event.wasClean(), event.toString());
      probe.awaitExit(PEER_TIMEOUT);
      assertEquals("CLOSE_NOTIFY", probe.lastLine(), () -> "output: " + probe.output());
    }
  }

  private static WebSocketServer echoServer(SSLContext tls) {
    WebSocketServer.Builder builder = WebSocketServer.builder()
        .config(WebSocketConfig.builder().eventLoops(1).build())
        .handler(request -> Upgrade.accept(new WebSocketListener() {
          @Override
          public void onMessage(WebSocket socket, MessageEvent event) {
            socket.send(event.text());
          }
        }));
    if (tls != null) builder.tls(tls);
    return builder.start();
  }

  private static String readHead(InputStream in) throws IOException {
    StringBuilder head = new StringBuilder();
    while (head.indexOf("\r\n\r\n") < 0) {
      int b = in.read();
      if (b < 0) throw new IOException("the head ended early: " + head);
      head.append((char) b);
    }
    return head.toString();
  }
}
