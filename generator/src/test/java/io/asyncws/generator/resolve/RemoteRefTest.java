package io.asyncws.generator.resolve;

import static io.asyncws.generator.resolve.ResolveTestSupport.assertAt;
import static io.asyncws.generator.resolve.ResolveTestSupport.assertMessageContains;
import static io.asyncws.generator.resolve.ResolveTestSupport.onlyError;
import static io.asyncws.generator.resolve.ResolveTestSupport.raw;
import static io.asyncws.generator.resolve.ResolveTestSupport.write;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.asyncws.generator.diagnostic.Diagnostic;
import io.asyncws.generator.diagnostic.Diagnostics;
import io.asyncws.generator.load.LoadLimits;
import io.asyncws.generator.tree.Node;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** Remote refs against a real HTTP server on the loopback interface. */
@Timeout(value = 30, unit = TimeUnit.SECONDS)
class RemoteRefTest {

  @TempDir Path dir;
  private final Diagnostics diagnostics = new Diagnostics();
  private final Map<String, String> bodies = new ConcurrentHashMap<>();
  private final AtomicInteger requests = new AtomicInteger();
  private final CountDownLatch releaseSlowHandler = new CountDownLatch(1);
  private ExecutorService executor;
  private HttpServer server;
  private String base;

  @BeforeEach
  void startServer() throws IOException {
    server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    executor = Executors.newFixedThreadPool(2);
    server.setExecutor(executor);
    server.createContext("/", this::handle);
    server.start();
    base = "http://127.0.0.1:" + server.getAddress().getPort();
  }

  @AfterEach
  void stopServer() throws InterruptedException {
    releaseSlowHandler.countDown();
    server.stop(0);
    executor.shutdownNow();
    assertTrue(executor.awaitTermination(5, TimeUnit.SECONDS));
  }

  private void handle(HttpExchange exchange) throws IOException {
    requests.incrementAndGet();
    String path = exchange.getRequestURI().getPath();
    if (path.equals("/slow")) {
      try {
        releaseSlowHandler.await(20, TimeUnit.SECONDS);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
    String body = bodies.get(path);
    byte[] bytes = body == null ? new byte[0] : body.getBytes(StandardCharsets.UTF_8);
    exchange.sendResponseHeaders(body == null ? 404 : 200, bytes.length == 0 ? -1 : bytes.length);
    try (OutputStream out = exchange.getResponseBody()) {
      out.write(bytes);
    }
  }

  private DocumentSet open(String text, ResolveOptions options) {
    return DocumentSet.open(write(dir, "api.yaml", text), options, diagnostics);
  }

  private static ResolveOptions allowed() {
    return ResolveOptions.defaults()
        .withAllowRemoteRefs(true)
        .withRemoteTimeout(Duration.ofSeconds(2));
  }

  @Test
  void remoteRefIsNotFetchedByDefault() {
    bodies.put("/s.yaml", "A: {type: string}\n");
    DocumentSet set = open("a:\n  $ref: '" + base + "/s.yaml#/A'\n", ResolveOptions.defaults());
    set.resolveAll();
    assertAt(onlyError(diagnostics), 2, 9);
    assertMessageContains(onlyError(diagnostics), base + "/s.yaml#/A", "--allow-remote-refs");
    assertEquals(0, requests.get());
  }

  @Test
  void allowedRemoteRefIsFetchedOnceAndItsRelativeRefsFollowTheUrl() {
    bodies.put("/schemas/s.yaml", "A: {$ref: 'more/b.json#/B'}\nC: {type: integer}\n");
    bodies.put("/schemas/more/b.json", "{\"B\": {\"type\": \"boolean\"}}");
    DocumentSet set =
        open(
            "a: {$ref: '" + base + "/schemas/s.yaml#/A'}\nc: {$ref: '" + base
                + "/schemas/s.yaml#/C'}\n",
            allowed());
    set.resolveAll();
    assertEquals(List.of(), diagnostics.sorted());
    Node root = set.root().orElseThrow();
    Node a = set.deref(raw(root, "a")).orElseThrow();
    assertEquals("boolean", ResolveTestSupport.scalar(a, "type"));
    URI b = URI.create(base + "/schemas/more/b.json");
    assertEquals(b, set.target(raw(root, "a")).orElseThrow().document());
    assertEquals(2, requests.get());
    assertEquals(3, set.documents().size());
  }

  @Test
  void missingRemoteDocumentIsAnErrorAtTheRef() {
    DocumentSet set = open("x: 1\na: {$ref: '" + base + "/gone.yaml'}\n", allowed());
    set.resolveAll();
    assertAt(onlyError(diagnostics), 2, 11);
    assertMessageContains(onlyError(diagnostics), "HTTP status 404");
  }

  @Test
  void secondRefToAFailedRemoteDocumentSaysWhyWithoutFetchingAgain() {
    String url = base + "/gone.yaml";
    DocumentSet set = open("a: {$ref: '" + url + "#/x'}\nb: {$ref: '" + url + "#/y'}\n", allowed());
    set.resolveAll();
    List<Diagnostic> errors = ResolveTestSupport.errors(diagnostics);
    assertEquals(2, errors.size(), errors::toString);
    assertAt(errors.get(1), 2, 11);
    assertMessageContains(errors.get(1), "but the server answered with HTTP status 404");
    assertEquals(1, requests.get());
  }

  @Test
  void remoteDocumentOverTheSizeLimitIsAnError() {
    bodies.put("/big.yaml", "v: " + "x".repeat(5000) + "\n");
    ResolveOptions options =
        allowed().withLoadLimits(LoadLimits.defaults().withMaxDocumentBytes(1024));
    DocumentSet set = open("a: {$ref: '" + base + "/big.yaml#/v'}\n", options);
    set.resolveAll();
    assertMessageContains(onlyError(diagnostics), "larger than the limit of 1024 bytes");
  }

  @Test
  void slowRemoteServerTimesOut() {
    bodies.put("/slow", "v: 1\n");
    ResolveOptions options = allowed().withRemoteTimeout(Duration.ofMillis(500));
    DocumentSet set = open("a: {$ref: '" + base + "/slow#/v'}\n", options);
    set.resolveAll();
    assertMessageContains(onlyError(diagnostics), "could not be fetched", "HttpTimeoutException");
  }
}
