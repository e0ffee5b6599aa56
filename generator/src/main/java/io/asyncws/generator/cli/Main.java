package io.asyncws.generator.cli;

import java.io.PrintWriter;
import picocli.CommandLine;

/**
 * The {@code asyncws} command line: {@code java -jar asyncws.jar validate FILE...}.
 *
 * <p>Exit codes: {@value ExitCodes#VALID} valid, {@value ExitCodes#INVALID} invalid document,
 * {@value ExitCodes#USAGE} usage error, {@value ExitCodes#INTERNAL} internal error (a bug: no
 * input may cause one, and none prints a stack trace).
 */
public final class Main {
  private Main() {}

  /** Runs the command and exits the JVM with its exit code. */
  public static void main(String[] args) {
    PrintWriter out = new PrintWriter(System.out, true);
    PrintWriter err = new PrintWriter(System.err, true);
    System.exit(run(args, out, err));
  }

  /**
   * Runs the command with the given streams and returns its exit code; never throws and never
   * exits the JVM, so tests call it in-process.
   */
  public static int run(String[] args, PrintWriter out, PrintWriter err) {
    return run(new AsyncWsCommand(), args, out, err);
  }

  /** Runs {@code command} (a picocli command object) the way {@link #run(String[], PrintWriter, PrintWriter)} does. */
  static int run(Object command, String[] args, PrintWriter out, PrintWriter err) {
    try {
      // picocli already exits with 2 (ExitCodes.USAGE) on invalid input.
      CommandLine cli = new CommandLine(command)
          .setOut(out)
          .setErr(err)
          .setExecutionExceptionHandler((ex, commandLine, parseResult) -> internalError(err, ex));
      int code = cli.execute(args);
      out.flush();
      err.flush();
      return code;
    } catch (RuntimeException | Error e) {
      // Last line of defence: even a failure outside picocli's handlers is one line, not a trace.
      return internalError(err, e);
    }
  }

  private static int internalError(PrintWriter err, Throwable e) {
    String message = e.getMessage() == null ? "" : ": " + e.getMessage().lines().findFirst().orElse("");
    err.println("internal error: " + e.getClass().getSimpleName() + message);
    err.flush();
    return ExitCodes.INTERNAL;
  }
}
