package io.asyncws.runtime.interop;

import java.io.ByteArrayOutputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import javax.net.ssl.SSLContext;

/**
 * A JDK {@link java.net.http.WebSocket} client that sends a {@link MessagePlan} to an echo
 * server and verifies every echo, one message at a time. Fragmented plans use partial sends
 * ({@code last = false}); each send waits for the previous one, as the JDK requires.
 *
 * <p>Thread rules: the JDK calls the listener one event at a time (demand is requested one
 * event ahead); sends are chained on those callbacks.
 */
public final class JdkClientPeer implements WebSocket.Listener {
  private final MessagePlan plan;
  private final CompletableFuture<Integer> result = new CompletableFuture<>();
  // The JDK delivers a message in parts; they are gathered here as UTF-8 or raw bytes.
  private final ByteArrayOutputStream received = new ByteArrayOutputStream();
  private final StringBuilder receivedText = new StringBuilder();
  private final FrameSender sender = new FrameSender();
  private int next;

  private JdkClientPeer(MessagePlan plan) {
    this.plan = plan;
  }

  /**
   * Plays {@code plan} against the echo server at {@code uri}.
   *
   * @return the number of verified echoes (all of them)
   * @throws AssertionError on a wrong echo, an early close, or when {@code timeout} passes
   */
  public static int run(URI uri, MessagePlan plan, Duration timeout) throws Exception {
    return run(uri, plan, timeout, null);
  }

  /** As {@link #run(URI, MessagePlan, Duration)}, {@code wss://} trusting {@code tls}. */
  public static int run(URI uri, MessagePlan plan, Duration timeout, SSLContext tls) throws Exception {
    JdkClientPeer peer = new JdkClientPeer(plan);
    HttpClient.Builder builder = HttpClient.newBuilder().connectTimeout(timeout);
    if (tls != null) builder.sslContext(tls);
    HttpClient http = builder.build();
    try (peer.sender) {
      http.newWebSocketBuilder().buildAsync(uri, peer).get(timeout.toMillis(), TimeUnit.MILLISECONDS);
      return peer.result.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
    } catch (ExecutionException e) {
      throw e.getCause() instanceof AssertionError a ? a : new AssertionError("JDK client failed.", e.getCause());
    } catch (TimeoutException e) {
      throw new AssertionError("JDK client did not finish plan " + plan + " within " + timeout + ".", e);
    }
  }

  @Override
  public void onOpen(WebSocket ws) {
    ws.request(1);
    sendNextOrClose(ws);
  }

  @Override
  public CompletionStage<?> onText(WebSocket ws, CharSequence data, boolean last) {
    receivedText.append(data);
    if (last) {
      byte[] echo = receivedText.toString().getBytes(StandardCharsets.UTF_8);
      receivedText.setLength(0);
      verify(ws, false, echo);
    }
    ws.request(1);
    return null;
  }

  @Override
  public CompletionStage<?> onBinary(WebSocket ws, ByteBuffer data, boolean last) {
    byte[] part = new byte[data.remaining()];
    data.get(part);
    received.writeBytes(part);
    if (last) {
      byte[] echo = received.toByteArray();
      received.reset();
      verify(ws, true, echo);
    }
    ws.request(1);
    return null;
  }

  private void verify(WebSocket ws, boolean binary, byte[] echo) {
    if (next >= plan.messages().size()) {
      fail(ws, "Unexpected message after the plan ended.");
      return;
    }
    var mismatch = plan.mismatch(next, binary, echo);
    if (mismatch.isPresent()) {
      fail(ws, mismatch.get());
      return;
    }
    next++;
    sendNextOrClose(ws);
  }

  private void sendNextOrClose(WebSocket ws) {
    if (next == plan.messages().size()) {
      ws.sendClose(WebSocket.NORMAL_CLOSURE, MessagePlan.CLOSE_REASON).whenComplete(this::failOnError);
      return;
    }
    boolean binary = plan.messages().get(next).binary();
    sender.send(plan.frames(next), (payload, last) -> binary
        ? ws.sendBinary(ByteBuffer.wrap(payload), last)
        : ws.sendText(new String(payload, StandardCharsets.UTF_8), last),
        failure -> failOnError(ws, failure));
  }

  @Override
  public CompletionStage<?> onClose(WebSocket ws, int statusCode, String reason) {
    if (next == plan.messages().size()) {
      result.complete(next);
    } else {
      result.completeExceptionally(new AssertionError("Closed " + statusCode + " " + reason + " after "
          + next + " of " + plan.messages().size() + " echoes of plan " + plan + "."));
    }
    return null;
  }

  @Override
  public void onError(WebSocket ws, Throwable error) {
    failOnError(ws, error);
  }

  private void failOnError(WebSocket ws, Throwable failure) {
    if (failure != null) {
      result.completeExceptionally(new AssertionError("JDK client failed: " + failure, failure));
    }
  }

  private void fail(WebSocket ws, String why) {
    if (result.completeExceptionally(new AssertionError(why))) {
      ws.sendClose(1011, "echo mismatch");
    }
  }
}
