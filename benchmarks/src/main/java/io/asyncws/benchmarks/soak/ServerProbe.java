package io.asyncws.benchmarks.soak;

import io.asyncws.benchmarks.load.ProcessMemory;
import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;

/**
 * Reads what the soak watches in another process, from Linux's {@code /proc}: resident memory,
 * threads and open file descriptors (and how many of those are sockets).
 */
final class ServerProbe {
  private final long pid;
  private final Path proc;

  /** A probe of process {@code pid}. */
  ServerProbe(long pid) {
    this.pid = pid;
    this.proc = Path.of("/proc", Long.toString(pid));
  }

  /**
   * One reading.
   *
   * @param rssKib VmRSS, KiB
   * @param threads the Threads line of {@code status}
   * @param fds entries of {@code fd/}
   * @param sockets those entries that are sockets
   */
  record Reading(long rssKib, int threads, int fds, int sockets) {}

  /** Reads the process now; throws if it is gone or this is not Linux. */
  Reading read() throws IOException {
    long rssKib = ProcessMemory.residentBytes(pid) >> 10;
    int threads = -1;
    for (String line : Files.readAllLines(proc.resolve("status"))) {
      if (line.startsWith("Threads:")) threads = Integer.parseInt(line.substring("Threads:".length()).trim());
    }
    if (threads < 0) throw new IOException(proc.resolve("status") + " has no Threads line.");
    int fds = 0;
    int sockets = 0;
    try (DirectoryStream<Path> entries = Files.newDirectoryStream(proc.resolve("fd"))) {
      for (Path fd : entries) {
        fds++;
        try {
          if (Files.readSymbolicLink(fd).toString().startsWith("socket:")) sockets++;
        } catch (NoSuchFileException e) {
          fds--; // closed between the listing and the look: it no longer counts
        }
      }
    }
    return new Reading(rssKib, threads, fds, sockets);
  }

  /**
   * The process's threads by name, counted, with trailing digits dropped so that a pool's
   * threads share one entry ({@code asyncws-loop-#}); names are the kernel's, cut to 15
   * characters. Printed when the thread count grew, to say whose threads they are.
   */
  Map<String, Integer> threadNames() throws IOException {
    Map<String, Integer> names = new TreeMap<>();
    try (DirectoryStream<Path> tasks = Files.newDirectoryStream(proc.resolve("task"))) {
      for (Path task : tasks) {
        try {
          String name = Files.readString(task.resolve("comm")).strip().replaceAll("\\d+$", "#");
          names.merge(name, 1, Integer::sum);
        } catch (NoSuchFileException e) {
          // the thread ended between the listing and the look
        }
      }
    }
    return names;
  }
}
