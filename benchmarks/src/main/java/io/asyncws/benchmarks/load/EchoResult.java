package io.asyncws.benchmarks.load;

import java.util.List;

/**
 * What an echo run measured, over the measured period only (warm-up excluded).
 *
 * @param messages echoes verified in the measured period
 * @param seconds length of the measured period
 * @param payloadBytes bytes per message
 * @param p50Micros median round trip
 * @param p99Micros 99th percentile round trip
 * @param p999Micros 99.9th percentile round trip
 * @param errors failed connections plus echoes never received
 * @param failures the first few failures, as sentences
 */
record EchoResult(
    long messages,
    double seconds,
    int payloadBytes,
    double p50Micros,
    double p99Micros,
    double p999Micros,
    long errors,
    List<String> failures) {

  /** Verified echoes per second. */
  double messagesPerSecond() {
    return seconds > 0 ? messages / seconds : 0;
  }

  /** Echoed payload per second, in MB (10^6 bytes), one direction. */
  double megabytesPerSecond() {
    return messagesPerSecond() * payloadBytes / 1e6;
  }
}
