package io.asyncws.benchmarks.peers;

/** The command line every peer server takes: {@code --port P}. */
final class PeerPort {
  private PeerPort() {}

  /** The port from {@code --port P}; exits with status 2 and a usage line otherwise. */
  static int parse(String[] args, String program) {
    if (args.length == 2 && args[0].equals("--port")) {
      try {
        int port = Integer.parseInt(args[1]);
        if (port > 0 && port < 65536) return port;
      } catch (NumberFormatException e) {
        // falls through to the usage line
      }
    }
    System.err.println("usage: " + program + " --port P   (P between 1 and 65535)");
    System.exit(2);
    throw new AssertionError("System.exit returned");
  }
}
