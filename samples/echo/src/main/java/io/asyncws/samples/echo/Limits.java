package io.asyncws.samples.echo;

import io.asyncws.runtime.WebSocketConfig;

/** The runtime configuration for a message limit. */
final class Limits {
  private Limits() {}

  /** The defaults, with {@code maxMessage} as the message limit and frames no larger. */
  static WebSocketConfig forMaxMessage(long maxMessage) {
    return WebSocketConfig.builder()
        .maxMessageSize(maxMessage)
        .maxFrameSize(Math.min(maxMessage, WebSocketConfig.DEFAULT_MAX_FRAME_SIZE))
        .build();
  }
}
