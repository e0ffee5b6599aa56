package io.asyncws.maven;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.asyncws.generator.AsyncApiReader;
import io.asyncws.generator.emit.api.Perspective;
import io.asyncws.generator.model.ApiModel;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

@Timeout(60)
class SourceWriterTest {
  private static final String CONTRACT = String.join("\n",
      "asyncapi: 3.0.0",
      "info: {title: Greeter, version: '1'}",
      "channels:",
      "  greetings:",
      "    address: /greetings",
      "    messages:",
      "      hello: {payload: {type: object, properties: {name: {type: string}}}}",
      "operations:",
      "  receiveHello:",
      "    action: receive",
      "    channel: {$ref: '#/channels/greetings'}",
      "    messages: [{$ref: '#/channels/greetings/messages/hello'}]",
      "");

  @TempDir Path dir;

  @Test
  void modelsAndApiGoToTheirOwnPackages() throws IOException {
    Set<String> written = write(config(true, true, true));
    assertEquals(Set.of("a/GreeterClient.java", "a/GreeterClientListener.java", "a/GreeterCodec.java",
        "a/GreeterHandler.java", "a/GreeterServer.java", "a/GreeterSession.java", "m/HelloPayload.java"), written);
  }

  @Test
  void withoutModelsOnlyTheServerIsWritten() throws IOException {
    Set<String> written = write(config(false, false, true));
    assertEquals(Set.of("a/GreeterCodec.java", "a/GreeterHandler.java", "a/GreeterServer.java",
        "a/GreeterSession.java"), written);
  }

  private Set<String> write(GenerationConfig config) throws IOException {
    ApiModel model = AsyncApiReader.read(config.inputSpec(), AsyncApiReader.Options.defaults())
        .model().orElseThrow();
    return new TreeSet<>(SourceWriter.write(model, config).keySet());
  }

  private GenerationConfig config(boolean models, boolean client, boolean server) throws IOException {
    Path spec = dir.resolve("greeter.yaml");
    Files.writeString(spec, CONTRACT, StandardCharsets.UTF_8);
    return new GenerationConfig(spec, dir.resolve("out"), "m", "a", models, client, server,
        Perspective.SERVER, false);
  }
}
