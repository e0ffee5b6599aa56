package io.asyncws.benchmarks.peers;

/** Limits every peer server is given, so none refuses what another accepts. */
final class PeerLimits {
  /** 1 MiB: above the largest cell (64 KiB) with room to spare, and what our echo sample is given. */
  static final int MAX_MESSAGE = 1 << 20;

  private PeerLimits() {}
}
