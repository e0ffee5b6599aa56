package io.asyncws.samples.echo;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.asyncws.runtime.CloseEvent;
import io.asyncws.runtime.MessageEvent;
import io.asyncws.runtime.Upgrade;
import io.asyncws.runtime.WebSocket;
import io.asyncws.runtime.WebSocketListener;
import io.asyncws.runtime.WebSocketServer;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code echo.jar} with its TLS options, as a separate process: the server with {@code
 * --tls-keystore} against the JDK client, the client with {@code --tls-truststore} against an
 * in-process wss server. The key store is made here by the JDK's {@code keytool}.
 */
@Timeout(60)
class EchoJarTlsIT {
  private static final Path JAR = Path.of("target", "echo.jar");
  private static final Pattern LISTENING = Pattern.compile("listening on wss://[^:]+:(\\d+)/");
  private static final String PASSWORD = "echo-test";

  @TempDir static Path dir;
  private static Path keyStore;

  @BeforeAll
  static void makeCertificate() throws Exception {
    keyStore = dir.resolve("localhost.p12");
    run(keytool(), "-genkeypair", "-alias", "echo", "-keyalg", "EC", "-groupname", "secp256r1",
        "-dname", "CN=localhost", "-ext", "SAN=dns:localhost,ip:127.0.0.1", "-validity", "2",
        "-storetype", "PKCS12", "-keystore", keyStore.toString(),
        "-storepass", PASSWORD, "-keypass", PASSWORD);
  }

  @Test
  void tlsServerEchoesToJdkClientTrustingItsCertificate() throws Exception {
    Process server = java("server", "--port", "0", "--tls-keystore", keyStore.toString(), "--tls-password", PASSWORD);
    try {
      BufferedReader out = new BufferedReader(new InputStreamReader(server.getInputStream(), StandardCharsets.UTF_8));
      String line = out.readLine();
      Matcher port = LISTENING.matcher(String.valueOf(line));
      assertTrue(port.find(), "first line: " + line);
      LinkedBlockingQueue<String> echoes = new LinkedBlockingQueue<>();
      java.net.http.WebSocket socket = HttpClient.newBuilder()
          .sslContext(new TlsFiles(null, keyStore, PASSWORD).clientContext()).build()
          .newWebSocketBuilder()
          .buildAsync(URI.create("wss://localhost:" + port.group(1) + "/"), new java.net.http.WebSocket.Listener() {
            @Override
            public CompletionStage<?> onText(java.net.http.WebSocket ws, CharSequence data, boolean last) {
              echoes.add(data.toString());
              ws.request(1);
              return null;
            }
          })
          .get(10, TimeUnit.SECONDS);
      socket.sendText("héllo über TLS", true).get(5, TimeUnit.SECONDS);
      assertEquals("héllo über TLS", echoes.poll(5, TimeUnit.SECONDS));
      socket.sendClose(1000, "bye").get(5, TimeUnit.SECONDS);
    } finally {
      stop(server);
    }
  }

  @Test
  void tlsClientEchoesAndExitsZeroWhenServerCloses() throws Exception {
    CompletableFuture<List<String>> received = new CompletableFuture<>();
    try (WebSocketServer server = WebSocketServer.builder()
        .tls(new TlsFiles(keyStore, null, PASSWORD).serverContext())
        .handler(request -> Upgrade.accept(new WebSocketListener() {
          private final List<String> echoes = new ArrayList<>();

          @Override
          public void onOpen(WebSocket socket) {
            socket.send("one");
            socket.send("two");
          }

          @Override
          public void onMessage(WebSocket socket, MessageEvent event) {
            echoes.add(event.text());
            if (echoes.size() == 2) {
              received.complete(echoes);
              socket.close(1000, "that is all");
            }
          }

          @Override
          public void onClose(WebSocket socket, CloseEvent event) {
            received.complete(echoes);
          }
        }))
        .start()) {
      Process client = java("client", "--tls-truststore", keyStore.toString(), "--tls-password", PASSWORD,
          "wss://localhost:" + server.port() + "/");
      try {
        assertEquals(List.of("one", "two"), received.get(20, TimeUnit.SECONDS));
        assertTrue(client.waitFor(10, TimeUnit.SECONDS), "client exits after the server closed");
        assertEquals(0, client.exitValue(), new String(client.getInputStream().readAllBytes(), StandardCharsets.UTF_8));
      } finally {
        stop(client);
      }
    }
  }

  @Test
  void tlsClientWithoutTrustStoreFailsWithReason() throws Exception {
    Process server = java("server", "--port", "0", "--tls-keystore", keyStore.toString(), "--tls-password", PASSWORD);
    try {
      BufferedReader out = new BufferedReader(new InputStreamReader(server.getInputStream(), StandardCharsets.UTF_8));
      Matcher port = LISTENING.matcher(String.valueOf(out.readLine()));
      assertTrue(port.find());
      Process client = java("client", "wss://localhost:" + port.group(1) + "/");
      try {
        assertTrue(client.waitFor(20, TimeUnit.SECONDS));
        String output = new String(client.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertEquals(1, client.exitValue(), output);
        assertTrue(output.contains("TLS handshake with localhost:" + port.group(1) + " failed"), output);
      } finally {
        stop(client);
      }
    } finally {
      stop(server);
    }
  }

  private static String keytool() {
    return Path.of(System.getProperty("java.home"), "bin", "keytool").toString();
  }

  private static Process java(String... args) throws Exception {
    assertTrue(Files.isRegularFile(JAR), "the build makes " + JAR.toAbsolutePath());
    String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    List<String> command = new ArrayList<>(List.of(java, "-jar", JAR.toString()));
    command.addAll(List.of(args));
    return new ProcessBuilder(command).redirectErrorStream(true).start();
  }

  private static void run(String... command) throws Exception {
    Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
    try {
      assertTrue(process.waitFor(30, TimeUnit.SECONDS), "keytool finished");
      assertEquals(0, process.exitValue(), new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8));
    } finally {
      stop(process);
    }
  }

  private static void stop(Process process) throws InterruptedException {
    process.destroy();
    if (!process.waitFor(10, TimeUnit.SECONDS)) {
      process.destroyForcibly().waitFor(5, TimeUnit.SECONDS);
    }
  }
}
