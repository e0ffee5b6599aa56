package io.asyncws.generator.emit.api;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.asyncws.generator.model.Server;
import io.asyncws.generator.tree.SourceLocation;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The URL a generated {@code connectToX} dials: the scheme follows the server's protocol, and a
 * server that asks for TLS anywhere (protocol or url) is never dialled in the clear.
 */
@Timeout(value = 10, unit = TimeUnit.SECONDS)
class ConnectUrlTest {
  private static final SourceLocation HERE = new SourceLocation(Path.of("asyncapi.yml"), 1, 1);

  @ParameterizedTest(name = "{0} url {1} -> {2}")
  @CsvSource({
    "wss, api.example.com, wss://api.example.com",
    "ws, 127.0.0.1:{port}/ws, ws://127.0.0.1:{port}/ws",
    "wss, wss://api.example.com, wss://api.example.com",
    "wss, ws://api.example.com/feed, wss://api.example.com/feed",
    "ws, wss://api.example.com, wss://api.example.com",
    "wss, https://api.example.com, wss://api.example.com",
    "ws, HTTPS://api.example.com, wss://api.example.com",
    "ws, http://api.example.com, ws://api.example.com",
    "ws, {scheme-less-host}/path, ws://{scheme-less-host}/path",
  })
  void clientDialsV2ServerUrlWithProtocolScheme(String protocol, String url, String expected) {
    Server server = new Server("s", protocol, null, null, null, url, null, List.of(), List.of(), HERE);
    assertEquals(expected, ClientEmitter.connectUrl(server));
  }

  @ParameterizedTest(name = "{0}://{1}{2} -> {3}")
  @CsvSource({
    "wss, api.example.com, /v1, wss://api.example.com/v1",
    "ws, '{host}:{port}', '', ws://{host}:{port}",
  })
  void clientDialsV3ServerHostWithProtocolScheme(String protocol, String host, String path, String expected) {
    Server server = new Server("s", protocol, null, host, path.isEmpty() ? null : path, null, null, List.of(),
        List.of(), HERE);
    assertEquals(expected, ClientEmitter.connectUrl(server));
  }
}
