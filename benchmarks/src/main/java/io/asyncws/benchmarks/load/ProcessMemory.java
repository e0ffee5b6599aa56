package io.asyncws.benchmarks.load;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** A process's resident memory, as Linux reports it in {@code /proc/<pid>/status}. */
public final class ProcessMemory {
  private ProcessMemory() {}

  /** VmRSS in bytes; throws if the process is gone or this is not Linux. */
  public static long residentBytes(long pid) throws IOException {
    for (String line : Files.readAllLines(Path.of("/proc", Long.toString(pid), "status"))) {
      if (line.startsWith("VmRSS:")) {
        String[] parts = line.substring("VmRSS:".length()).trim().split("\\s+");
        return Long.parseLong(parts[0]) * 1024; // the kernel reports kB
      }
    }
    throw new IOException("/proc/" + pid + "/status has no VmRSS line.");
  }
}
