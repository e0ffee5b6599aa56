package io.asyncws.generator.cli;

/** The exit codes of every {@code asyncws} command, declared once. */
public final class ExitCodes {
  /** The documents are valid (warnings allowed). */
  public static final int VALID = 0;
  /** At least one document has an error. */
  public static final int INVALID = 1;
  /** The command line itself is wrong. */
  public static final int USAGE = 2;
  /** A bug in asyncws; the message says what failed. */
  public static final int INTERNAL = 3;

  private ExitCodes() {}
}
