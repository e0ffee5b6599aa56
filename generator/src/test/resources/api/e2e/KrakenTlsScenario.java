package com.example.kraken;

import io.asyncws.runtime.WebSocketConfig;
import io.asyncws.runtime.contract.ClientOptions;
import io.asyncws.runtime.contract.ServerOptions;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLHandshakeException;

/**
 * The generated Kraken client and server over {@code wss://} on 127.0.0.1: with each other, the
 * server with the JDK's own WebSocket client, and the client refusing servers whose certificate
 * is not trusted or names another host, failing its future with the TLS reason well before any
 * timeout. Each public method is one scenario and returns "ok".
 */
public final class KrakenTlsScenario {
  private static final long WAIT_SECONDS = 10;
  private static final InetSocketAddress ANY_PORT = new InetSocketAddress("127.0.0.1", 0);

  private final SSLContext serverTls;
  private final SSLContext otherHostServerTls;
  private final SSLContext clientTrust;

  /**
   * @param serverTls presents a certificate for 127.0.0.1
   * @param otherHostServerTls presents a certificate for another host only
   * @param clientTrust trusts both certificates
   */
  public KrakenTlsScenario(SSLContext serverTls, SSLContext otherHostServerTls, SSLContext clientTrust) {
    this.serverTls = serverTls;
    this.otherHostServerTls = otherHostServerTls;
    this.clientTrust = clientTrust;
  }

  /** Answers every ping with a pong carrying its reqid. */
  private static final class PingPong implements KrakenWebsocketsHandler {
    @Override
    public void onPing(KrakenWebsocketsSession session, Ping message) {
      session.replyToPing(message, new Pong(null));
    }

    @Override
    public void onSubscribe(KrakenWebsocketsSession session, Subscribe message) {}

    @Override
    public void onUnsubscribe(KrakenWebsocketsSession session, Unsubscribe message) {}
  }

  /** Generated client to generated server over wss: pings answered and matched by reqid. */
  public String generatedClientPingsGeneratedServerOverWss() throws Exception {
    try (KrakenWebsocketsServer server = KrakenWebsocketsServer.start(ANY_PORT, ServerOptions.defaults().withTls(serverTls),
        new PingPong())) {
      KrakenWebsocketsClient client = KrakenWebsocketsClient.connect(URI.create("wss://127.0.0.1:" + server.port()),
          new KrakenWebsocketsClientListener() {}, ClientOptions.defaults().withTls(clientTrust))
          .get(WAIT_SECONDS, TimeUnit.SECONDS);
      List<CompletableFuture<Pong>> pongs = new ArrayList<>();
      for (long reqid = 1; reqid <= 20; reqid++) pongs.add(client.ping(new Ping(reqid)));
      for (int i = 0; i < pongs.size(); i++) {
        Long reqid = pongs.get(i).get(WAIT_SECONDS, TimeUnit.SECONDS).reqid();
        check(reqid != null && reqid == i + 1, "pong " + (i + 1) + " matched by reqid, got " + reqid);
      }
      check(client.ping(new Ping(null)).get(WAIT_SECONDS, TimeUnit.SECONDS).reqid() != null, "generated reqid");
      check(server.sessions().size() == 1, "one session");
      client.close();
    }
    return "ok";
  }

  /** The JDK's java.net.http WebSocket client to the generated server over wss. */
  public String jdkClientPingsGeneratedServerOverWss() throws Exception {
    try (KrakenWebsocketsServer server = KrakenWebsocketsServer.start(ANY_PORT, ServerOptions.defaults().withTls(serverTls),
        new PingPong())) {
      HttpClient http = HttpClient.newBuilder().sslContext(clientTrust)
          .connectTimeout(Duration.ofSeconds(WAIT_SECONDS)).build();
      CompletableFuture<String> reply = new CompletableFuture<>();
      WebSocket socket = http.newWebSocketBuilder()
          .buildAsync(URI.create("wss://127.0.0.1:" + server.port() + "/"), new WebSocket.Listener() {
            private final StringBuilder text = new StringBuilder();

            @Override
            public CompletionStage<?> onText(WebSocket webSocket, CharSequence data, boolean last) {
              text.append(data);
              if (last) reply.complete(text.toString());
              webSocket.request(1);
              return null;
            }

            @Override
            public void onError(WebSocket webSocket, Throwable error) {
              reply.completeExceptionally(error);
            }
          })
          .get(WAIT_SECONDS, TimeUnit.SECONDS);
      socket.sendText("{\"event\":\"ping\",\"reqid\":7}", true).get(WAIT_SECONDS, TimeUnit.SECONDS);
      String pong = reply.get(WAIT_SECONDS, TimeUnit.SECONDS);
      check(pong.contains("\"event\":\"pong\"") && pong.contains("\"reqid\":7"), "pong with reqid 7: " + pong);
      socket.sendClose(WebSocket.NORMAL_CLOSURE, "").get(WAIT_SECONDS, TimeUnit.SECONDS);
    }
    return "ok";
  }

  /** A trusted certificate for another host: hostname verification refuses it. */
  public String generatedClientRefusesCertificateForAnotherHost() throws Exception {
    try (KrakenWebsocketsServer server = KrakenWebsocketsServer.start(ANY_PORT,
        ServerOptions.defaults().withTls(otherHostServerTls), new PingPong())) {
      SSLHandshakeException refused = refusal(server, ClientOptions.defaults().withTls(clientTrust));
      check(refused.getMessage().contains("No subject alternative names matching IP address 127.0.0.1"),
          "names the host mismatch: " + refused.getMessage());
      check(server.sessions().isEmpty(), "the handler never saw the connection");
    }
    return "ok";
  }

  /** Without a TLS context the client trusts the JDK's CAs only, not a self-signed certificate. */
  public String generatedClientRefusesUntrustedCertificate() throws Exception {
    try (KrakenWebsocketsServer server = KrakenWebsocketsServer.start(ANY_PORT, ServerOptions.defaults().withTls(serverTls),
        new PingPong())) {
      SSLHandshakeException refused = refusal(server, ClientOptions.defaults());
      check(refused.getMessage().contains("PKIX path building failed"), "names the trust failure: " + refused.getMessage());
      check(server.sessions().isEmpty(), "the handler never saw the connection");
    }
    return "ok";
  }

  /** A ws:// URL connects plain even with a TLS context in the options, as documented. */
  public String generatedClientWithTlsContextConnectsPlainToWsUrl() throws Exception {
    try (KrakenWebsocketsServer server = KrakenWebsocketsServer.start(ANY_PORT, WebSocketConfig.defaults(), new PingPong())) {
      KrakenWebsocketsClient client = KrakenWebsocketsClient.connect(URI.create("ws://127.0.0.1:" + server.port()),
          new KrakenWebsocketsClientListener() {}, ClientOptions.defaults().withTls(clientTrust))
          .get(WAIT_SECONDS, TimeUnit.SECONDS);
      check(client.ping(new Ping(3L)).get(WAIT_SECONDS, TimeUnit.SECONDS).reqid() == 3L, "pong over ws");
      client.close();
    }
    return "ok";
  }

  /** Connects to {@code server} over wss and returns the TLS failure; a timeout or success fails. */
  private static SSLHandshakeException refusal(KrakenWebsocketsServer server, ClientOptions options)
      throws InterruptedException, TimeoutException {
    CompletableFuture<KrakenWebsocketsClient> connecting = KrakenWebsocketsClient.connect(
        URI.create("wss://127.0.0.1:" + server.port()), new KrakenWebsocketsClientListener() {}, options);
    try {
      KrakenWebsocketsClient client = connecting.get(WAIT_SECONDS, TimeUnit.SECONDS);
      client.close();
      throw new AssertionError("connected to a server it must refuse");
    } catch (ExecutionException e) {
      if (e.getCause() instanceof SSLHandshakeException refused) return refused;
      throw new AssertionError("expected an SSLHandshakeException, got " + e.getCause(), e.getCause());
    }
  }

  private static void check(boolean condition, String what) {
    if (!condition) throw new AssertionError(what);
  }
}
