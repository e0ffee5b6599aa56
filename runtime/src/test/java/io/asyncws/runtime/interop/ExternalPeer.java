package io.asyncws.runtime.interop;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * A peer script (Node or Python) running as a child process: started with its working
 * directory at the repository root, its stdout and stderr collected together line by line,
 * stopped by PID on {@link #close()}. Instances are made by {@link Peers}.
 *
 * <p>Thread rules: any thread may call any method; output is collected by one daemon thread
 * per peer.
 */
public final class ExternalPeer implements AutoCloseable {
  /** How long a stopped peer gets to exit after SIGTERM before it is killed. */
  private static final Duration STOP_GRACE = Duration.ofSeconds(5);
  private static final String LISTENING = "LISTENING ";

  private final String name;
  private final Process process;
  private final List<String> output = new ArrayList<>();
  private final CompletableFuture<Integer> port = new CompletableFuture<>();
  private final Thread reader;

  private ExternalPeer(String name, Process process) {
    this.name = name;
    this.process = process;
    this.reader = new Thread(this::collectOutput, "peer-output-" + name);
    reader.setDaemon(true);
    reader.start();
  }

  /** Starts {@code command} in the repository root. */
  static ExternalPeer start(String name, List<String> command) {
    ProcessBuilder builder = new ProcessBuilder(command)
        .directory(repoRoot().toFile())
        .redirectErrorStream(true);
    // Python: unbuffered output (the LISTENING line must not wait in a buffer) and no
    // __pycache__ written into the source tree.
    builder.environment().put("PYTHONUNBUFFERED", "1");
    builder.environment().put("PYTHONDONTWRITEBYTECODE", "1");
    try {
      return new ExternalPeer(name, builder.start());
    } catch (IOException e) {
      throw new UncheckedIOException("Could not start peer " + name + " (" + command.get(0)
          + "); see peers/README.md for what to install.", e);
    }
  }

  /** The repository root: the nearest directory at or above {@code user.dir} that holds {@code peers/}. */
  public static Path repoRoot() {
    Path start = Paths.get(System.getProperty("user.dir")).toAbsolutePath();
    for (Path dir = start; dir != null; dir = dir.getParent()) {
      if (Files.isRegularFile(dir.resolve("peers/package.json"))) {
        return dir;
      }
    }
    throw new IllegalStateException("No peers/package.json in " + start + " or any parent directory.");
  }

  private void collectOutput() {
    try (BufferedReader in = new BufferedReader(
        new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
      for (String line = in.readLine(); line != null; line = in.readLine()) {
        synchronized (output) {
          output.add(line);
        }
        if (line.startsWith(LISTENING)) {
          port.complete(Integer.parseInt(line.substring(LISTENING.length()).trim()));
        }
      }
    } catch (IOException | NumberFormatException e) {
      port.completeExceptionally(e);
    }
    port.completeExceptionally(new IllegalStateException(name + " ended its output without LISTENING."));
  }

  /** Waits until the peer printed {@code LISTENING <port>} and returns the port. */
  int awaitListening(Duration timeout) {
    try {
      return port.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
    } catch (ExecutionException | TimeoutException e) {
      throw new AssertionError(name + " did not print LISTENING within " + timeout
          + " (peers/README.md says what to install); output: " + output(), e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new AssertionError("Interrupted while waiting for " + name + ".", e);
    }
  }

  /** The server peer's URL, {@code ws://127.0.0.1:<port>/}; only for servers, after they listen. */
  public URI uri() {
    return URI.create("ws://127.0.0.1:" + port.getNow(-1) + "/");
  }

  /** A TLS server peer's URL, {@code wss://<host>:<port>/}; only after it listens. */
  public URI secureUri(String host) {
    return URI.create("wss://" + host + ":" + port.getNow(-1) + "/");
  }

  /**
   * Waits for the peer to exit on its own, then for its output to be complete.
   *
   * @return the exit status
   * @throws AssertionError if it is still running after {@code timeout}
   */
  public int awaitExit(Duration timeout) throws InterruptedException {
    if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
      throw new AssertionError(name + " still running after " + timeout + "; output: " + output());
    }
    reader.join(STOP_GRACE.toMillis());
    return process.exitValue();
  }

  /** Completes when the process has exited, for waiting on "whichever comes first". */
  public CompletableFuture<Process> onExit() {
    return process.onExit();
  }

  /** Everything the peer printed so far, stdout and stderr interleaved. */
  public List<String> output() {
    synchronized (output) {
      return List.copyOf(output);
    }
  }

  /** The last line printed, or "" if there is none. */
  public String lastLine() {
    return lastLineStartingWith("");
  }

  /** The last line starting with {@code prefix}, or "" if there is none. */
  public String lastLineStartingWith(String prefix) {
    List<String> lines = output();
    for (int i = lines.size() - 1; i >= 0; i--) {
      if (lines.get(i).startsWith(prefix)) {
        return lines.get(i);
      }
    }
    return "";
  }

  /** The process id, for leak checks. */
  public long pid() {
    return process.pid();
  }

  @Override
  public String toString() {
    return name + " (pid " + process.pid() + ")";
  }

  /**
   * Stops the peer by PID: SIGTERM to it and anything it started, then a bounded wait, then
   * SIGKILL. Waits (bounded) until it is gone. Does not throw {@link InterruptedException}
   * (try-with-resources would warn): if interrupted, it kills at once and keeps the flag set.
   */
  @Override
  public void close() {
    ProcessHandle handle = process.toHandle();
    List<ProcessHandle> children = handle.descendants().toList();
    children.forEach(ProcessHandle::destroy);
    handle.destroy();
    try {
      if (!process.waitFor(STOP_GRACE.toMillis(), TimeUnit.MILLISECONDS)) {
        handle.destroyForcibly();
        process.waitFor(STOP_GRACE.toMillis(), TimeUnit.MILLISECONDS);
      }
      reader.join(STOP_GRACE.toMillis());
    } catch (InterruptedException e) {
      handle.destroyForcibly();
      Thread.currentThread().interrupt();
    }
    children.stream().filter(ProcessHandle::isAlive).forEach(ProcessHandle::destroyForcibly);
  }
}
