package io.asyncws.samples.echogen;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * The built {@code target/echo-generated.jar}, run as the benchmarks run it: a separate process,
 * started with {@code server --port}, stopped by PID.
 */
@Timeout(60)
class JsonEchoJarIT {
  private static final Path JAR = Path.of("target", "echo-generated.jar");
  private static final Pattern LISTENING = Pattern.compile("listening on ws://[^:]+:(\\d+)/");

  private static Process java(String... args) throws Exception {
    assertTrue(Files.isRegularFile(JAR), "the build makes " + JAR.toAbsolutePath());
    String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    List<String> command = new ArrayList<>(List.of(java, "-jar", JAR.toString()));
    command.addAll(List.of(args));
    return new ProcessBuilder(command).redirectErrorStream(true).start();
  }

  private static void stop(Process process) throws InterruptedException {
    process.destroy(); // SIGTERM
    if (!process.waitFor(10, TimeUnit.SECONDS)) {
      process.destroyForcibly().waitFor(5, TimeUnit.SECONDS);
    }
  }

  @Test
  void jarServerEchoesJsonToJdkClientAndStopsOnSigterm() throws Exception {
    Process server = java("server", "--port", "0", "--max-message", "1048576");
    try {
      BufferedReader out =
          new BufferedReader(new InputStreamReader(server.getInputStream(), StandardCharsets.UTF_8));
      String line = out.readLine();
      Matcher port = LISTENING.matcher(String.valueOf(line));
      assertTrue(port.find(), "first line: " + line);
      try (JdkTextClient client = JdkTextClient.connect(Integer.parseInt(port.group(1)))) {
        String big = "{\"seq\":2,\"data\":\"" + "x".repeat(64 << 10) + "\"}";
        client.sendText("{\"seq\":1,\"data\":\"héllo\"}");
        client.sendText(big);
        assertEquals("{\"seq\":1,\"data\":\"héllo\"}", client.next());
        assertEquals(big, client.next());
      }
    } finally {
      stop(server);
    }
    assertFalse(server.isAlive());
  }

  @Test
  void badUsageExitsTwoWithUsage() throws Exception {
    for (List<String> args : List.of(List.of("server", "--port", "banana"), List.of("server"), List.of("client"))) {
      Process bad = java(args.toArray(String[]::new));
      try {
        assertTrue(bad.waitFor(10, TimeUnit.SECONDS), args + " exits");
        String output = new String(bad.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertEquals(2, bad.exitValue(), args + ": " + output);
        assertTrue(output.contains("usage: echo-generated.jar server"), output);
      } finally {
        stop(bad);
      }
    }
  }

  @Test
  void portInUseExitsOne() throws Exception {
    try (java.net.ServerSocket taken = new java.net.ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
      Process server = java("server", "--port", Integer.toString(taken.getLocalPort()));
      try {
        assertTrue(server.waitFor(10, TimeUnit.SECONDS));
        String output = new String(server.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertEquals(1, server.exitValue(), output);
      } finally {
        stop(server);
      }
    }
  }
}
