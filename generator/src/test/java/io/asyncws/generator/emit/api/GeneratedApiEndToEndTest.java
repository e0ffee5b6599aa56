package io.asyncws.generator.emit.api;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * Generated client against generated server over real sockets on 127.0.0.1. Each scenario is a
 * Java file in test resources, compiled together with the generated code (so it uses the
 * generated API exactly as an application would) and run here.
 */
@Tag("sockets")
@Timeout(value = 120, unit = TimeUnit.SECONDS)
class GeneratedApiEndToEndTest {
  static final Path API = Path.of("src/test/resources/api");
  static final Path KRAKEN = io.asyncws.generator.ReaderTestSupport.CORPUS.resolve(
      "spec-v3.0.0/kraken-websocket-request-reply-multiple-channels-asyncapi.yml");

  @TempDir Path dir;

  @Test
  void generatedClientAndServerTalkInRoomsWithParametersDispatchRepliesAndErrors() throws Exception {
    assertEquals("ok", run(API.resolve("chat-rooms.yml"), "com.example.rooms", "RoomsScenario"));
  }

  @Test
  void generatedKrakenClientAndServerPingSubscribeStreamAndSurviveMalformedMessages() throws Exception {
    assertEquals("ok", run(KRAKEN, "com.example.kraken", "KrakenScenario"));
  }

  @Test
  void generatedKrakenServerServesNodeWsClientWritingContractJson() throws Exception {
    assertEquals("ok", run(KRAKEN, "com.example.kraken", "KrakenNodeScenario"));
  }

  @Test
  void generatedKrakenClientTalksToPythonWebsocketsServer() throws Exception {
    assertEquals("ok", run(KRAKEN, "com.example.kraken", "KrakenPythonScenario"));
  }

  @Test
  void clientDocumentReadAsClientGivesGeneratedClientTheRequests() throws Exception {
    Path v310 = io.asyncws.generator.ReaderTestSupport.CORPUS.resolve("synthetic/v310-ws.yml");
    assertEquals("ok", run(v310, "com.example.v310", "V310ClientPerspectiveScenario", Perspective.CLIENT));
  }

  @Test
  void serverDocumentReadAsClientGivesGeneratedServerTheRequests() throws Exception {
    assertEquals("ok", run(KRAKEN, "com.example.krakenmirror", "KrakenClientPerspectiveScenario", Perspective.CLIENT));
  }

  String run(Path document, String pkg, String scenario) throws Exception {
    return run(document, pkg, scenario, Perspective.SERVER);
  }

  /** Generates both sides of {@code document}, compiles them with the scenario and runs it. */
  String run(Path document, String pkg, String scenario, Perspective perspective) throws Exception {
    ApiCompiler.generate(document, pkg, SourceGenerator.Parts.ALL, perspective, dir);
    List<Path> sources = new ArrayList<>(ApiCompiler.javaFiles(dir.resolve("src")));
    sources.add(API.resolve("e2e/" + scenario + ".java"));
    ClassLoader loader = ApiCompiler.compile(sources, dir);
    Callable<?> run = (Callable<?>) loader.loadClass(pkg + "." + scenario).getConstructor().newInstance();
    return String.valueOf(run.call());
  }
}
