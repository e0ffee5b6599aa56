package io.asyncws.samples.echo;

import io.asyncws.runtime.WebSocketConfig;

/** The runtime configuration for a message limit. */
final class Limits {
  private Limits() {}

  /**
   * The defaults, with {@code maxMessage} as the message limit and frames no larger, and
   * permessage-deflate on when asked for — then for every message, however short, so that a
   * conformance suite sees compression at every size.
   */
  static WebSocketConfig forOptions(Options options) {
    long maxMessage = options.maxMessage();
    return WebSocketConfig.builder()
        .perMessageDeflate(options.deflate())
        .compressionThreshold(0)
        .maxMessageSize(maxMessage)
        .maxFrameSize(Math.min(maxMessage, WebSocketConfig.DEFAULT_MAX_FRAME_SIZE))
        .build();
  }
}
