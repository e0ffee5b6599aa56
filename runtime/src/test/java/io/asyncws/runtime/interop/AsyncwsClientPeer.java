package io.asyncws.runtime.interop;

import io.asyncws.runtime.CloseEvent;
import io.asyncws.runtime.MessageEvent;
import io.asyncws.runtime.WebSocket;
import io.asyncws.runtime.WebSocketClient;
import io.asyncws.runtime.WebSocketConfig;
import io.asyncws.runtime.WebSocketListener;
import java.net.URI;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import javax.net.ssl.SSLContext;

/**
 * Our own client playing a {@link MessagePlan} against an echo server, like the other peers'
 * send clients: one message at a time, each echo verified byte for byte, then a clean close.
 * Fragmented plans use the runtime's outgoing fragmentation.
 */
final class AsyncwsClientPeer implements WebSocketListener {
  private final MessagePlan plan;
  private final CompletableFuture<Integer> result = new CompletableFuture<>();
  private int next;

  private AsyncwsClientPeer(MessagePlan plan) {
    this.plan = plan;
  }

  /**
   * Plays {@code plan} against the echo server at {@code uri}.
   *
   * @return the number of verified echoes (all of them)
   * @throws AssertionError on a wrong echo, an early close, or when {@code timeout} passes
   */
  static int run(URI uri, MessagePlan plan, Duration timeout) throws Exception {
    return run(uri, plan, timeout, null);
  }

  /** As {@link #run(URI, MessagePlan, Duration)}, {@code wss://} trusting {@code tls}. */
  static int run(URI uri, MessagePlan plan, Duration timeout, SSLContext tls) throws Exception {
    return run(uri, plan, timeout, tls, WebSocketConfig.builder().eventLoops(1));
  }

  /**
   * Plays {@code plan} with permessage-deflate offered, every message compressed however short.
   *
   * @throws AssertionError also when the server did not accept permessage-deflate
   */
  static int runDeflate(URI uri, MessagePlan plan, Duration timeout) throws Exception {
    return run(
        uri,
        plan,
        timeout,
        null,
        WebSocketConfig.builder().eventLoops(1).perMessageDeflate(true).compressionThreshold(0));
  }

  private static int run(
      URI uri, MessagePlan plan, Duration timeout, SSLContext tls, WebSocketConfig.Builder base)
      throws Exception {
    AsyncwsClientPeer peer = new AsyncwsClientPeer(plan);
    WebSocketConfig config = base.fragmentSize(plan.fragmentSize()).build();
    WebSocketClient.Builder builder = WebSocketClient.builder().config(config);
    if (tls != null) builder.tls(tls);
    try (WebSocketClient client = builder.build()) {
      WebSocket socket = client.connect(uri, peer).get(timeout.toMillis(), TimeUnit.MILLISECONDS);
      if (config.perMessageDeflate() && !socket.extensions().startsWith("permessage-deflate")) {
        throw new AssertionError(
            uri + " did not accept permessage-deflate: '" + socket.extensions() + "'");
      }
      return peer.result.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
    } catch (ExecutionException e) {
      throw e.getCause() instanceof AssertionError a
          ? a
          : new AssertionError("asyncws client failed against " + uri, e.getCause());
    } catch (TimeoutException e) {
      throw new AssertionError(
          "asyncws client did not finish plan " + plan + " within " + timeout + ".", e);
    }
  }

  @Override
  public void onOpen(WebSocket socket) {
    sendNextOrClose(socket);
  }

  @Override
  public void onMessage(WebSocket socket, MessageEvent event) {
    if (next >= plan.messages().size()) {
      result.completeExceptionally(new AssertionError("unexpected extra message " + event));
      return;
    }
    var mismatch = plan.mismatch(next, !event.isText(), event.bytes());
    if (mismatch.isPresent()) {
      result.completeExceptionally(new AssertionError(mismatch.get()));
      socket.close(4000, "mismatch");
      return;
    }
    next++;
    sendNextOrClose(socket);
  }

  private void sendNextOrClose(WebSocket socket) {
    if (next == plan.messages().size()) {
      socket.close(1000, "done");
      return;
    }
    byte[] payload = plan.payload(next);
    if (plan.messages().get(next).binary()) {
      socket.send(payload);
    } else {
      socket.send(new String(payload, java.nio.charset.StandardCharsets.UTF_8));
    }
  }

  @Override
  public void onError(WebSocket socket, Throwable error) {
    result.completeExceptionally(new AssertionError("asyncws client error: " + error, error));
  }

  @Override
  public void onClose(WebSocket socket, CloseEvent event) {
    if (next == plan.messages().size() && event.wasClean() && event.code() == 1000) {
      result.complete(next);
    } else {
      result.completeExceptionally(
          new AssertionError("closed after " + next + " echoes: " + event));
    }
  }
}
