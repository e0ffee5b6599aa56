package io.asyncws.runtime.interop;

import java.time.Duration;
import org.eclipse.jetty.websocket.api.Configurable;

/** Limits shared by the Java peers, matching those of the script peers in {@code peers/}. */
final class InteropLimits {
  private InteropLimits() {}

  /** 64 MiB: the largest message the interop tests send is accepted whole (as in peers/node/options.mjs). */
  static final int MESSAGE_MAX = 64 * 1024 * 1024;

  /** Longer than any single test, so an idle timeout never decides a test's outcome. */
  static final Duration IDLE_TIMEOUT = Duration.ofSeconds(120);

  /**
   * Raises Jetty's limits (64 KiB messages by default) to {@link #MESSAGE_MAX}. The frame limit
   * too: the Node peer sends a whole message as one frame.
   */
  static void configureJetty(Configurable jetty) {
    jetty.setMaxTextMessageSize(MESSAGE_MAX);
    jetty.setMaxBinaryMessageSize(MESSAGE_MAX);
    jetty.setMaxFrameSize(MESSAGE_MAX);
    jetty.setIdleTimeout(IDLE_TIMEOUT);
  }
}
