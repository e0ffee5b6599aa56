package io.asyncws.benchmarks.soak;

import java.util.Locale;

/**
 * One sample of the soak: the server process and the client's own counters at one moment.
 *
 * @param seconds time since the traffic started
 * @param rssKib the server's resident memory, KiB
 * @param threads the server's threads
 * @param fds the server's open file descriptors
 * @param sockets how many of those are sockets
 * @param echoed echoes verified so far, on every active connection
 * @param errors connections lost or failed so far, and echoes that did not match
 * @param open connections still working
 * @param pings Pings from the server answered so far by idle connections
 */
record Sample(
    double seconds, long rssKib, int threads, int fds, int sockets, long echoed, long errors,
    int open, long pings) {

  /** The line printed for this sample. */
  String line() {
    return String.format(
        Locale.ROOT,
        "sample t=%6.1fs rss=%8d KiB threads=%4d fds=%6d sockets=%6d | msgs=%10d errors=%d open=%d pings=%d",
        seconds, rssKib, threads, fds, sockets, echoed, errors, open, pings);
  }
}
