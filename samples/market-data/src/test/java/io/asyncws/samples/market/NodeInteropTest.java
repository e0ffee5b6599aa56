package io.asyncws.samples.market;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * The simulated exchange against an independent client: Node's {@code ws} speaking raw JSON
 * written from the contract ({@code src/test/node/kraken-client.mjs}), so the generated server's
 * wire format is checked by code that shares nothing with the generator.
 */
@Tag("interop")
class NodeInteropTest {
  /** 60 s: Node starts in well under a second; the script's own steps are bounded at 10 s. */
  private static final Duration SCRIPT_TIMEOUT = Duration.ofSeconds(60);

  @Test
  @Timeout(90)
  void nodeWsClientSpeaksTheContractWithTheSimulatedExchange() throws Exception {
    Path root = NodeScript.repositoryRoot();
    Path peers = root.resolve("peers");
    NodeScript.require(Files.isDirectory(peers.resolve("node_modules/ws")),
        "ws in " + peers + "/node_modules (npm ci --prefix peers)");

    try (SimulatedExchange exchange = SimulatedExchange.start(
        new InetSocketAddress("127.0.0.1", 0), Duration.ofMillis(20), Duration.ofMillis(100), 7)) {
      NodeScript.Result result = NodeScript.run(
          root.resolve("samples/market-data/src/test/node/kraken-client.mjs"),
          List.of("--url", "ws://127.0.0.1:" + exchange.port(), "--peers", peers.toString()),
          root.resolve("samples/market-data/target/node-interop.log"), SCRIPT_TIMEOUT);

      assertEquals(0, result.exitCode(), "kraken-client.mjs failed:\n" + result.output());
      assertTrue(result.output().contains("kraken-client: ok"), result.output());
    }
  }
}
