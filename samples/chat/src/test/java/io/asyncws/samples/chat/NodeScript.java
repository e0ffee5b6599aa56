package io.asyncws.samples.chat;

import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;

/**
 * Runs a Node script as a child process, bounded in time and stopped by PID together with
 * everything it started (Chromium), whatever happens.
 */
final class NodeScript {
  /** 10 s between the polite stop (SIGTERM lets Playwright close its browser) and the forced one. */
  private static final Duration STOP_GRACE = Duration.ofSeconds(10);

  private NodeScript() {}

  /** The repository's root, set by the module's surefire configuration. */
  static Path repositoryRoot() {
    return Path.of(System.getProperty("asyncws.root", "../..")).toAbsolutePath().normalize();
  }

  /**
   * Fails the test with what to install when a tool is missing; {@code -Dasyncws.skipBrowser=true}
   * turns that into a skip for machines that cannot have a browser.
   */
  static void require(boolean present, String what) {
    if (present) {
      return;
    }
    Assumptions.assumeFalse(Boolean.getBoolean("asyncws.skipBrowser"),
        what + " is missing; skipped because -Dasyncws.skipBrowser=true");
    fail(what + " is missing. Install it (see samples/README.md) or run with -Dasyncws.skipBrowser=true.");
  }

  /**
   * Runs {@code node script args...} and returns its exit code and output.
   *
   * @param timeout how long the script may run before it is stopped and the test fails
   */
  static Result run(Path script, List<String> args, Path log, Duration timeout)
      throws IOException, InterruptedException {
    List<String> command = new ArrayList<>(List.of("node", script.toString()));
    command.addAll(args);
    Files.createDirectories(log.getParent());
    // Output goes to a file, not a pipe: a chatty child can never block on a full pipe.
    Process process = new ProcessBuilder(command).redirectErrorStream(true)
        .redirectOutput(log.toFile()).start();
    try {
      if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
        fail("node " + script.getFileName() + " did not finish within " + timeout + ":\n"
            + Files.readString(log));
      }
      return new Result(process.exitValue(), Files.readString(log));
    } finally {
      stop(process);
    }
  }

  /** Stops the process and its descendants by PID: politely, then forcibly after a bound. */
  private static void stop(Process process) throws InterruptedException {
    List<ProcessHandle> family = new ArrayList<>(process.descendants().toList());
    family.add(process.toHandle());
    for (ProcessHandle handle : family) {
      handle.destroy();
    }
    long deadline = System.nanoTime() + STOP_GRACE.toNanos();
    for (ProcessHandle handle : family) {
      long left = deadline - System.nanoTime();
      try {
        handle.onExit().get(Math.max(left, 0), TimeUnit.NANOSECONDS);
      } catch (java.util.concurrent.ExecutionException | java.util.concurrent.TimeoutException e) {
        handle.destroyForcibly();
      }
    }
  }

  /** What the script said and how it ended. */
  record Result(int exitCode, String output) {}
}
