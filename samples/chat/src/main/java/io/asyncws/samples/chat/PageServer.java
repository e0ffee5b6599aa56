package io.asyncws.samples.chat;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.Map;

/**
 * Serves the chat page: the static files under {@code /web} on the class path, and
 * {@code /config.json}, which tells the page the port of the WebSocket server.
 *
 * <p>The page and the WebSocket API are on two ports because the runtime's server speaks only
 * WebSocket; the JDK's HTTP server is enough for three static files, and a browser's WebSocket
 * is not bound by the page's origin, so the page simply connects to the other port.
 *
 * <p>Thread-safety: the JDK server runs the handler on its own thread; the handler keeps no state.
 */
final class PageServer implements AutoCloseable {
  /** The files the page consists of and their content types; nothing else is served. */
  private static final Map<String, String> FILES = Map.of(
      "/index.html", "text/html; charset=utf-8",
      "/chat.js", "text/javascript; charset=utf-8",
      "/chat.css", "text/css; charset=utf-8");

  private final HttpServer server;

  private PageServer(HttpServer server) {
    this.server = server;
  }

  /**
   * Binds {@code address} and starts serving.
   *
   * @param address where to listen; port 0 picks a free port
   * @param webSocketPort the port of the chat's WebSocket server, handed to the page
   * @return the running server
   * @throws UncheckedIOException when the address cannot be bound
   */
  static PageServer start(InetSocketAddress address, int webSocketPort) {
    HttpServer server;
    try {
      server = HttpServer.create(address, 0);
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot listen on " + address + " for the chat page", e);
    }
    byte[] config = ("{\"webSocketPort\":" + webSocketPort + "}").getBytes(StandardCharsets.UTF_8);
    server.createContext("/", exchange -> {
      try (exchange) {
        serve(exchange, config);
      }
    });
    server.start();
    return new PageServer(server);
  }

  /** The port the page is served on. */
  int port() {
    return server.getAddress().getPort();
  }

  private static void serve(HttpExchange exchange, byte[] config) throws IOException {
    String method = exchange.getRequestMethod();
    if (!method.equals("GET") && !method.equals("HEAD")) {
      exchange.sendResponseHeaders(405, -1);
      return;
    }
    String path = exchange.getRequestURI().getPath();
    if (path.equals("/")) {
      path = "/index.html";
    }
    if (path.equals("/config.json")) {
      send(exchange, "application/json", config);
      return;
    }
    String type = FILES.get(path);
    if (type == null) {
      exchange.sendResponseHeaders(404, -1);
      return;
    }
    try (InputStream in = PageServer.class.getResourceAsStream("/web" + path)) {
      if (in == null) {
        throw new IllegalStateException("The chat page's " + path + " is missing from the jar.");
      }
      send(exchange, type, in.readAllBytes());
    }
  }

  private static void send(HttpExchange exchange, String type, byte[] body) throws IOException {
    exchange.getResponseHeaders().set("Content-Type", type);
    // The sample is edited and reloaded while it runs; a cached old script would confuse.
    exchange.getResponseHeaders().set("Cache-Control", "no-store");
    if (exchange.getRequestMethod().equals("HEAD")) {
      exchange.sendResponseHeaders(200, -1);   // -1: no body, as HEAD requires
      return;
    }
    exchange.sendResponseHeaders(200, body.length);
    try (OutputStream out = exchange.getResponseBody()) {
      out.write(body);
    }
  }

  /** Stops serving at once: the page is static, nothing is lost by cutting a download. */
  @Override
  public void close() {
    server.stop(0);
  }
}
