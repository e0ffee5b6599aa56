package io.asyncws.runtime.interop;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.eclipse.jetty.websocket.api.Callback;
import org.eclipse.jetty.websocket.api.Session;

/**
 * A Jetty endpoint (client or server side alike) that plays a {@link MessagePlan} against an
 * echoing peer: sends message 0, waits for its echo and verifies it, sends message 1, and so
 * on, then closes with 1000. Fragmented messages go out with Jetty's partial sends, each
 * after the previous one completed (see {@link FrameSender}).
 *
 * <p>Public because Jetty invokes endpoint methods through method handles.
 *
 * <p>Thread rules: Jetty calls the listener methods one at a time (demand is explicit, one
 * frame at a time); {@link #result()} may be read from any thread.
 */
public final class JettyPlanEndpoint implements Session.Listener {
  private final MessagePlan plan;
  private final CompletableFuture<Integer> result = new CompletableFuture<>();
  private final FrameSender sender = new FrameSender();
  private Session session;
  private int next;

  JettyPlanEndpoint(MessagePlan plan) {
    this.plan = plan;
  }

  /**
   * Completes with the number of verified echoes once the peer acknowledged the close, or
   * fails with an {@link AssertionError} on the first wrong echo, an error, or an early close.
   */
  CompletableFuture<Integer> result() {
    return result;
  }

  @Override
  public void onWebSocketOpen(Session session) {
    this.session = session;
    session.demand();
    sendNextOrClose();
  }

  @Override
  public void onWebSocketText(String message) {
    verify(false, message.getBytes(StandardCharsets.UTF_8));
  }

  @Override
  public void onWebSocketBinary(ByteBuffer payload, Callback callback) {
    byte[] copy = new byte[payload.remaining()];
    payload.get(copy);
    callback.succeed();
    verify(true, copy);
  }

  private void verify(boolean binary, byte[] echo) {
    if (next >= plan.messages().size()) {
      fail("Unexpected message after the plan ended.");
      return;
    }
    var mismatch = plan.mismatch(next, binary, echo);
    if (mismatch.isPresent()) {
      fail(mismatch.get());
      return;
    }
    next++;
    session.demand();
    sendNextOrClose();
  }

  private void sendNextOrClose() {
    if (next == plan.messages().size()) {
      session.close(1000, MessagePlan.CLOSE_REASON, Callback.NOOP);
      return;
    }
    boolean binary = plan.messages().get(next).binary();
    List<byte[]> frames = plan.frames(next);
    sender.send(frames, (payload, last) -> {
      CompletableFuture<Void> written = new CompletableFuture<>();
      Callback callback = Callback.from(() -> written.complete(null), written::completeExceptionally);
      if (frames.size() == 1) {
        if (binary) {
          session.sendBinary(ByteBuffer.wrap(payload), callback);
        } else {
          session.sendText(new String(payload, StandardCharsets.UTF_8), callback);
        }
      } else if (binary) {
        session.sendPartialBinary(ByteBuffer.wrap(payload), last, callback);
      } else {
        session.sendPartialText(new String(payload, StandardCharsets.UTF_8), last, callback);
      }
      return written;
    }, this::fail);
  }

  @Override
  public void onWebSocketError(Throwable cause) {
    fail(cause);
  }

  @Override
  public void onWebSocketClose(int statusCode, String reason) {
    sender.close();
    if (next == plan.messages().size()) {
      result.complete(next);
    } else {
      fail("Closed " + statusCode + " " + reason + " after " + next + " of "
          + plan.messages().size() + " echoes of plan " + plan + ".");
    }
  }

  private void fail(String why) {
    sender.close();
    if (result.completeExceptionally(new AssertionError(why)) && session != null) {
      session.close(1011, "echo mismatch", Callback.NOOP);
    }
  }

  private void fail(Throwable cause) {
    sender.close();
    result.completeExceptionally(new AssertionError("Jetty peer failed: " + cause, cause));
  }
}
