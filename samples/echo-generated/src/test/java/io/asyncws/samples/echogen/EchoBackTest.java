package io.asyncws.samples.echogen;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.asyncws.runtime.WebSocketConfig;
import io.asyncws.runtime.contract.ContractViolation;
import io.asyncws.samples.echogen.api.EchoServer;
import io.asyncws.samples.echogen.api.EchoSession;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.net.http.WebSocketHandshakeException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletionException;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * The generated server running {@link EchoBack}, over real sockets, against the JDK's WebSocket
 * client: the byte-exact echoes the benchmarks rely on, and what happens to messages that break
 * the contract.
 */
@Timeout(value = 30, unit = TimeUnit.SECONDS)
class EchoBackTest {
  /** What the handler was told about messages that break the contract. */
  private final LinkedBlockingQueue<ContractViolation> invalid = new LinkedBlockingQueue<>();
  private EchoServer server;

  @BeforeEach
  void start() {
    server =
        EchoServer.start(
            new InetSocketAddress("127.0.0.1", 0),
            WebSocketConfig.defaults(),
            new EchoBack() {
              @Override
              public void onInvalidMessage(EchoSession session, String raw, ContractViolation error) {
                invalid.add(error);
              }
            });
  }

  @AfterEach
  void stop() {
    server.close();
  }

  @Test
  void serverEchoesCompactJsonByteForByteAndInOrder() throws Exception {
    List<String> sent = new ArrayList<>();
    for (int i = 0; i < 200; i++) {
      // Printable ASCII without '"' or '\', widths 0 to 199, seq up to int64's maximum.
      long seq = i == 199 ? Long.MAX_VALUE : i * 1_000_003L;
      sent.add("{\"seq\":" + seq + ",\"data\":\"" + "a~!#[]{}".repeat(25).substring(0, i) + "\"}");
    }
    sent.add("{\"seq\":-7,\"data\":\"héllo wörld ✓\"}"); // non-ASCII stays raw UTF-8 text
    try (JdkTextClient client = JdkTextClient.connect(server.port())) {
      for (String text : sent) client.sendText(text);
      List<String> echoed = new ArrayList<>();
      for (int i = 0; i < sent.size(); i++) echoed.add(client.next());
      assertEquals(sent, echoed);
    }
    assertNull(invalid.poll(), "no message broke the contract");
  }

  @Test
  void serverRewritesEchoInContractOrderWithoutWhitespaceOrUnknownProperties() throws Exception {
    // The echo is the typed message written again, not the raw text: order, spacing, escapes
    // and properties the schema does not name are the parser's, not the client's.
    try (JdkTextClient client = JdkTextClient.connect(server.port())) {
      client.sendText("{ \"data\" : \"x\\u0041\", \"extra\": [1], \"seq\" : 3 }");
      assertEquals("{\"seq\":3,\"data\":\"xA\"}", client.next());
    }
  }

  @Test
  void malformedJsonGoesToOnInvalidMessageAndConnectionStaysUp() throws Exception {
    try (JdkTextClient client = JdkTextClient.connect(server.port())) {
      client.sendText("{\"seq\":1,\"data\":");
      assertEquals(ContractViolation.Kind.NOT_JSON, invalid.poll(5, TimeUnit.SECONDS).kind());
      client.sendText("{\"seq\":2,\"data\":\"still here\"}");
      assertEquals("{\"seq\":2,\"data\":\"still here\"}", client.next());
    }
  }

  @Test
  void messageWithoutRequiredDataIsUnknownAndNotEchoed() throws Exception {
    try (JdkTextClient client = JdkTextClient.connect(server.port())) {
      client.sendText("{\"seq\":1}");
      assertEquals(ContractViolation.Kind.UNKNOWN, invalid.poll(5, TimeUnit.SECONDS).kind());
      client.sendText("{\"seq\":\"one\",\"data\":\"x\"}"); // recognised by its properties, seq not a number
      assertEquals(ContractViolation.Kind.INVALID, invalid.poll(5, TimeUnit.SECONDS).kind());
      client.sendText("{\"seq\":3,\"data\":\"\"}");
      assertEquals("{\"seq\":3,\"data\":\"\"}", client.next(), "only the valid message came back");
    }
  }

  @Test
  void binaryMessageGoesToOnInvalidMessageAsNotJson() throws Exception {
    try (JdkTextClient client = JdkTextClient.connect(server.port())) {
      client.sendBinary(new byte[] {'{', '}'});
      assertEquals(ContractViolation.Kind.NOT_JSON, invalid.poll(5, TimeUnit.SECONDS).kind());
      client.sendText("{\"seq\":4,\"data\":\"after binary\"}");
      assertEquals("{\"seq\":4,\"data\":\"after binary\"}", client.next());
    }
  }

  @Test
  void serverAnswersOtherPathsWith404() throws Exception {
    Throwable error =
        HttpClient.newHttpClient()
            .newWebSocketBuilder()
            .buildAsync(URI.create("ws://127.0.0.1:" + server.port() + "/other"), new WebSocket.Listener() {})
            .handle((socket, failure) -> failure)
            .get(10, TimeUnit.SECONDS);
    Throwable cause = error instanceof CompletionException ? error.getCause() : error;
    assertTrue(cause instanceof WebSocketHandshakeException, String.valueOf(error));
    assertEquals(404, ((WebSocketHandshakeException) cause).getResponse().statusCode());
  }
}
