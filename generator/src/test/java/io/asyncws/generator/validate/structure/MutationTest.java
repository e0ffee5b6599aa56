package io.asyncws.generator.validate.structure;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.asyncws.generator.diagnostic.Diagnostic;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * Corpus documents broken on purpose, one breakage each: an error at the broken place, with a
 * message that says what is wrong. Lines are 1-based as in an editor.
 */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class MutationTest {
  private final TestDocuments docs = new TestDocuments();

  /** The corpus file with {@code from} replaced (once, and it must occur) by {@code to}. */
  private List<Diagnostic> mutate(String file, String from, String to) throws IOException {
    String text = Files.readString(TestDocuments.CORPUS.resolve(file), StandardCharsets.UTF_8);
    assertTrue(text.contains(from), () -> file + " no longer contains: " + from);
    return docs.validate(docs.parse(file, text.replaceFirst(java.util.regex.Pattern.quote(from),
        java.util.regex.Matcher.quoteReplacement(to))));
  }

  private static Diagnostic only(List<Diagnostic> found) {
    assertEquals(1, found.size(), () -> "expected one error, got: " + found);
    return found.get(0);
  }

  private static void assertAt(Diagnostic d, int line, int column) {
    assertEquals(line + ":" + column, d.location().line() + ":" + d.location().column(), d::toString);
  }

  @Test
  void unknownFieldInInfoPointsAtItsKeyWithSuggestion() throws IOException {
    Diagnostic d = only(mutate("spec-v3.0.0/simple-asyncapi.yml", "  version: 1.0.0\n", "  version: 1.0.0\n  titel: x\n"));
    assertAt(d, 5, 3);
    assertTrue(d.message().startsWith("unknown field 'titel' in Info (allowed: title, version,"), d::toString);
    assertEquals("did you mean 'title'?", d.hint());
  }

  @Test
  void missingRequiredVersionPointsAtInfoKey() throws IOException {
    Diagnostic d = only(mutate("spec-v3.0.0/simple-asyncapi.yml", "  version: 1.0.0\n", ""));
    assertAt(d, 2, 1);
    assertEquals("Info is missing the required field 'version'", d.message());
  }

  @Test
  void misspeltActionIsAnEnumErrorWithSuggestion() throws IOException {
    Diagnostic d = only(mutate("spec-v3.0.0/simple-asyncapi.yml", "action: send", "action: sned"));
    assertAt(d, 14, 13);
    assertEquals("'action' in Operation 'sendUserSignedup' must be one of 'send', 'receive', not 'sned'", d.message());
    assertEquals("did you mean 'send'?", d.hint());
  }

  @Test
  void wrongTypeOfChannelAddressIsReportedAtTheValue() throws IOException {
    Diagnostic d = only(mutate("spec-v3.0.0/simple-asyncapi.yml", "address: user/signedup", "address: [user, signedup]"));
    assertAt(d, 8, 14);
    assertTrue(d.message().startsWith("'address' in Channel 'userSignedup' must be a string or null, not an array"), d::toString);
  }

  @Test
  void errorInReferencedMessageLandsInTheComponentItself() throws IOException {
    Diagnostic d = only(mutate("spec-v3.0.0/simple-asyncapi.yml", "      payload:\n", "      paylod:\n"));
    assertAt(d, 22, 7);
    assertTrue(d.message().startsWith("unknown field 'paylod' in Message 'UserSignedUp'"), d::toString);
    assertEquals("did you mean 'payload'?", d.hint());
  }

  @Test
  void misspeltPublishInVersion2ChannelSuggestsPublish() throws IOException {
    List<Diagnostic> found = mutate("spec-v2.6.0/streetlights-mqtt.yml", "    publish:\n", "    publsh:\n");
    Diagnostic d = only(found);
    assertAt(d, 52, 5);
    assertTrue(d.message().startsWith("unknown field 'publsh' in Channel"
        + " 'smartylighting/streetlights/1/0/event/{streetlightId}/lighting/measured'"), d::toString);
    assertEquals("did you mean 'publish'?", d.hint());
  }

  @Test
  void missingServerProtocolPointsAtTheServerKey() throws IOException {
    Diagnostic d = only(mutate("spec-v2.6.0/streetlights-mqtt.yml", "    protocol: mqtt\n", ""));
    assertAt(d, 18, 3);
    assertEquals("Server 'production' is missing the required field 'protocol'", d.message());
  }

  @Test
  void wrongTypeOfServerVariableEnumIsReported() throws IOException {
    List<Diagnostic> found = mutate("spec-v2.6.0/streetlights-mqtt.yml",
        "        enum:\n          - '1883'\n          - '8883'\n", "        enum: '1883'\n");
    Diagnostic d = only(found);
    assertAt(d, 26, 15);
    assertEquals("'enum' in Server variable 'port' must be an array, not a string", d.message());
  }

  @Test
  void unknownFieldInWebSocketBindingNamesTheBinding() throws IOException {
    List<Diagnostic> found = mutate("synthetic/v310-ws.yml", "method: GET", "methd: GET");
    Diagnostic d = only(found);
    assertTrue(d.message().contains("WebSocket channel binding 0.1.0"), d::toString);
    assertEquals("did you mean 'method'?", d.hint());
  }

  @Test
  void adeoKafkaKeyIsAcceptedUnderTheBindingVersionThatAllowsAReference() throws IOException {
    // The hint says to pick a binding version whose schema accepts the '$ref': 0.4.0 does (anyOf).
    assertEquals(List.of(), mutate("spec-v3.0.0/adeo-kafka-request-reply-asyncapi.yml",
        "        kafka:\n          key:", "        kafka:\n          bindingVersion: '0.4.0'\n          key:"));
  }

  @Test
  void adeoKafkaKeyMessageExplainsWhyTheOfficialSchemaRejectsIt() throws IOException {
    Diagnostic d = only(mutate("spec-v3.0.0/adeo-kafka-request-reply-asyncapi.yml", "asyncapi: 3.0.0", "asyncapi: 3.0.0"));
    assertEquals("spec-v3.0.0/adeo-kafka-request-reply-asyncapi.yml:245:13: error: 'bindings.kafka.key' in Message"
        + " 'costingResponse' is both a valid Reference and a valid Schema (a '$ref' object can be either), and the"
        + " specification's schema requires exactly one of them (oneOf), so it rejects this '$ref' (no 'bindingVersion'"
        + " is given, so the Kafka message binding 0.5.0 (the latest) applies; inline the definition instead of the"
        + " '$ref'; with bindingVersion '0.4.0' or '0.3.0' this binding is valid as written)", d.toString());
  }

  @Test
  void errorInAnotherFileOfAMultiFileApiLandsInThatFile(@TempDir Path tmp) throws IOException {
    Path from = TestDocuments.CORPUS.resolve("spec-v3.0.0/social-media");
    try (Stream<Path> walk = Files.walk(from)) {
      for (Path p : walk.toList()) {
        Path to = tmp.resolve(from.relativize(p).toString());
        if (Files.isDirectory(p)) Files.createDirectories(to);
        else Files.copy(p, to);
      }
    }
    Path messages = tmp.resolve("common/messages.yaml");
    String text = Files.readString(messages);
    Files.writeString(messages, text.replaceFirst("  description: Message that is being sent when a comment has been liked",
        "  descripton: Message that is being sent when a comment has been liked"));
    List<Diagnostic> found = docs.validate(docs.load(tmp.resolve("backend/asyncapi.yaml")));
    Diagnostic d = only(found);
    assertEquals(messages.normalize(), d.location().file());
    assertAt(d, 2, 3);
    assertTrue(d.message().startsWith("unknown field 'descripton' in Message 'commentLiked'"), d::toString);
  }
}
