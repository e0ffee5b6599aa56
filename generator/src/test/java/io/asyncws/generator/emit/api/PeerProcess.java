package io.asyncws.generator.emit.api;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;

/**
 * A peer script (peers/node/*.mjs, peers/python/*.py) as a child process for the generated-code
 * tests, which cannot see the runtime's test harness: started in the repository root, output
 * collected line by line, stopped by PID (SIGTERM, then SIGKILL after a grace period). Public
 * because the scenario files compiled with the generated code use it.
 *
 * <p>Thread rules: any thread may call any method; one daemon thread reads the output.
 */
public final class PeerProcess implements AutoCloseable {
  private static final Duration STOP_GRACE = Duration.ofSeconds(5);

  private final Process process;
  private final List<String> lines = new ArrayList<>();

  private PeerProcess(Process process) {
    this.process = process;
    Thread reader = new Thread(this::collect, "peer-" + process.pid());
    reader.setDaemon(true);
    reader.start();
  }

  /** Starts {@code command} (paths relative to the repository root). */
  public static PeerProcess start(String... command) {
    ProcessBuilder builder = new ProcessBuilder(command).directory(repoRoot().toFile()).redirectErrorStream(true);
    builder.environment().put("PYTHONUNBUFFERED", "1");
    builder.environment().put("PYTHONDONTWRITEBYTECODE", "1");
    try {
      return new PeerProcess(builder.start());
    } catch (IOException e) {
      throw new UncheckedIOException("Could not start " + command[0] + "; see peers/README.md for what to install.", e);
    }
  }

  /** The nearest directory at or above the working directory that holds {@code peers/package.json}. */
  public static Path repoRoot() {
    for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
      if (Files.isRegularFile(dir.resolve("peers/package.json"))) return dir;
    }
    throw new IllegalStateException("No peers/package.json above " + Path.of("").toAbsolutePath());
  }

  private void collect() {
    try (BufferedReader in = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
      for (String line = in.readLine(); line != null; line = in.readLine()) {
        synchronized (lines) {
          lines.add(line);
          lines.notifyAll();
        }
      }
    } catch (IOException e) {
      // The process ended; what was read stays in `lines`.
    }
  }

  /**
   * Waits up to {@code timeout} for an output line that satisfies {@code wanted}.
   *
   * @throws AssertionError with the whole output when none comes in time
   */
  public String awaitLine(Predicate<String> wanted, Duration timeout) throws InterruptedException {
    long deadline = System.nanoTime() + timeout.toNanos();
    synchronized (lines) {
      while (true) {
        for (String line : lines) if (wanted.test(line)) return line;
        long left = TimeUnit.NANOSECONDS.toMillis(deadline - System.nanoTime());
        if (left <= 0) throw new AssertionError("no expected line from the peer within " + timeout + "; output: " + lines);
        lines.wait(left);
      }
    }
  }

  /** The port of a peer server that printed {@code LISTENING <port>}. */
  public int awaitListening(Duration timeout) throws InterruptedException {
    return Integer.parseInt(awaitLine(l -> l.startsWith("LISTENING "), timeout).substring("LISTENING ".length()).trim());
  }

  /** Everything the peer printed so far. */
  public List<String> output() {
    synchronized (lines) {
      return List.copyOf(lines);
    }
  }

  /** Stops the process by its PID: SIGTERM, then SIGKILL after five seconds. */
  @Override
  public void close() {
    ProcessHandle handle = process.toHandle();
    handle.destroy();
    try {
      if (!process.waitFor(STOP_GRACE.toMillis(), TimeUnit.MILLISECONDS)) {
        handle.destroyForcibly();
        process.waitFor(STOP_GRACE.toMillis(), TimeUnit.MILLISECONDS);
      }
    } catch (InterruptedException e) {
      handle.destroyForcibly();
      Thread.currentThread().interrupt();
    }
  }
}
