package io.asyncws.runtime.transport;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.asyncws.runtime.CloseEvent;
import io.asyncws.runtime.MessageEvent;
import io.asyncws.runtime.Upgrade;
import io.asyncws.runtime.WebSocket;
import io.asyncws.runtime.WebSocketClient;
import io.asyncws.runtime.WebSocketConfig;
import io.asyncws.runtime.WebSocketListener;
import io.asyncws.runtime.WebSocketServer;
import io.asyncws.runtime.interop.TestCertificate;
import java.io.File;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Connections that end every way — clean close from either side, the peer vanishing, a protocol
 * failure — leave no thread and no file descriptor behind once server and client are closed.
 */
@Timeout(60)
class ResourceLeakTest {
  private static final int CONNECTIONS = 60;

  @Test
  void serverAndClientReleaseEveryThreadAndSocket() throws Exception {
    assertNothingLeaks(null);
  }

  /** The same over TLS: engines, their buffers and close_notify on every path. */
  @Test
  void tlsServerAndClientReleaseEveryThreadAndSocket() throws Exception {
    assertNothingLeaks(TestCertificate.localhost());
  }

  private static void assertNothingLeaks(TestCertificate tls) throws Exception {
    // A first round loads classes and opens what the JVM keeps for good (the SecureRandom's
    // device files, the trust store), so that the counts below see only what connections hold.
    exchange(3, tls);
    java.util.Set<Thread> threadsBefore = asyncwsThreads();
    java.util.Set<String> descriptorsBefore = openDescriptors();
    exchange(CONNECTIONS, tls);
    // Only what appeared is a leak: threads of earlier tests in this JVM may end meanwhile.
    long threadDeadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
    while (!newThreads(threadsBefore).isEmpty() && System.nanoTime() < threadDeadline) {
      Thread.sleep(20);
    }
    assertEquals(java.util.Set.of(), newThreads(threadsBefore), "asyncws threads left after closing everything");
    // Only what appeared is a leak: descriptors of earlier tests in this JVM (a JDK HttpClient's
    // selector, say) may close meanwhile.
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
    while (!leftOpen(descriptorsBefore).isEmpty() && System.nanoTime() < deadline) {
      Thread.sleep(20);
    }
    assertEquals(java.util.Set.of(), leftOpen(descriptorsBefore), "descriptors left open after closing everything");
  }

  private static void exchange(int connections, TestCertificate tls) throws Exception {
    WebSocketServer.Builder serverBuilder =
        WebSocketServer.builder()
            .config(WebSocketConfig.builder().eventLoops(2).closeTimeout(Duration.ofSeconds(2)).build())
            .handler(request -> Upgrade.accept(new WebSocketListener() {
              @Override
              public void onMessage(WebSocket socket, MessageEvent event) {
                if (event.text().equals("close me")) socket.close(4001, "as asked");
                else socket.send(event.text());
              }
            }));
    WebSocketClient.Builder clientBuilder =
        WebSocketClient.builder().config(WebSocketConfig.builder().eventLoops(2).build());
    if (tls != null) {
      serverBuilder.tls(tls.serverContext());
      clientBuilder.tls(tls.clientContext());
    }
    WebSocketServer server = serverBuilder.start();
    WebSocketClient client = clientBuilder.build();
    String scheme = tls == null ? "ws" : "wss";
    List<CompletableFuture<CloseEvent>> closes = new ArrayList<>();
    List<WebSocket> sockets = new ArrayList<>();
    for (int i = 0; i < connections; i++) {
      CompletableFuture<String> echo = new CompletableFuture<>();
      CompletableFuture<CloseEvent> closed = new CompletableFuture<>();
      WebSocket socket =
          client.connect(URI.create(scheme + "://127.0.0.1:" + server.port() + "/"), new WebSocketListener() {
            @Override
            public void onMessage(WebSocket s, MessageEvent event) {
              echo.complete(event.text());
            }

            @Override
            public void onClose(WebSocket s, CloseEvent event) {
              closed.complete(event);
            }
          }).get(5, TimeUnit.SECONDS);
      socket.send("ping " + i);
      assertEquals("ping " + i, echo.get(5, TimeUnit.SECONDS));
      sockets.add(socket);
      closes.add(closed);
    }
    // A third closes from the client, a third is closed by the server, a third stays open.
    for (int i = 0; i < connections; i++) {
      if (i % 3 == 0) sockets.get(i).close(1000, "client done");
      if (i % 3 == 1) sockets.get(i).send("close me");
    }
    for (int i = 0; i < connections; i++) {
      if (i % 3 == 2) continue;
      CloseEvent event = closes.get(i).get(5, TimeUnit.SECONDS);
      assertTrue(event.wasClean(), "connection " + i + ": " + event);
      assertEquals(i % 3 == 0 ? 1000 : 4001, event.code());
    }
    server.close(); // the open third gets 1001 and closes cleanly
    for (int i = 2; i < connections; i += 3) {
      CloseEvent event = closes.get(i).get(5, TimeUnit.SECONDS);
      assertEquals(1001, event.code(), "connection " + i);
    }
    client.close();
  }

  private static java.util.Set<Thread> asyncwsThreads() {
    java.util.Set<Thread> threads = new java.util.HashSet<>();
    for (Thread t : Thread.getAllStackTraces().keySet()) {
      if (t.getName().startsWith("asyncws-") && t.isAlive()) threads.add(t);
    }
    return threads;
  }

  private static java.util.Set<String> newThreads(java.util.Set<Thread> before) {
    java.util.Set<String> names = new java.util.TreeSet<>();
    for (Thread t : asyncwsThreads()) if (!before.contains(t)) names.add(t.getName());
    return names;
  }

  private static java.util.Set<String> leftOpen(java.util.Set<String> before) {
    java.util.Set<String> now = openDescriptors();
    now.removeAll(before);
    return now;
  }

  /**
   * Every open socket, pipe and selector descriptor with what it points at, e.g. {@code 12 ->
   * socket:[4711]}: what connections and event loops hold. Files are left out, because the JVM
   * opens some of its own briefly (the container's memory limit, class files).
   */
  private static java.util.Set<String> openDescriptors() {
    java.util.Set<String> open = new java.util.TreeSet<>();
    File[] fds = new File("/proc/self/fd").listFiles();
    if (fds == null) return open;
    for (File fd : fds) {
      try {
        String target = java.nio.file.Files.readSymbolicLink(fd.toPath()).toString();
        if (target.startsWith("socket:") || target.startsWith("pipe:") || target.startsWith("anon_inode:")) {
          open.add(fd.getName() + " -> " + target);
        }
      } catch (java.io.IOException e) {
        // Closed between listing and reading: not open.
      }
    }
    return open;
  }
}
