package io.asyncws.generator.bind;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.asyncws.generator.diagnostic.Diagnostic;
import io.asyncws.generator.diagnostic.Diagnostics;
import io.asyncws.generator.diagnostic.Severity;
import io.asyncws.generator.load.DocumentLoader;
import io.asyncws.generator.tree.MappingNode;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(value = 30, unit = TimeUnit.SECONDS)
class AsyncApiBinderTest {
  private static final Path CORPUS = Path.of("src/test/resources/corpus");

  private static MappingNode load(String relative) {
    return (MappingNode) new DocumentLoader().load(CORPUS.resolve(relative), new Diagnostics()).orElseThrow();
  }

  private static MappingNode parse(String yaml) {
    return (MappingNode) new DocumentLoader()
        .load(Path.of("doc.yaml"), yaml.getBytes(StandardCharsets.UTF_8), new Diagnostics()).orElseThrow();
  }

  @Test
  void v26DocumentBindsToThe26Model() {
    Diagnostics d = new Diagnostics();
    Optional<BoundDocument> bound = AsyncApiBinder.bind(load("spec-v2.6.0/streetlights-kafka.yml"), d);
    BoundDocument.V2 v2 = assertInstanceOf(BoundDocument.V2.class, bound.orElseThrow());
    assertEquals("Streetlights Kafka API", v2.document().getInfo().getTitle());
    assertEquals(List.of(), d.sorted());
  }

  @Test
  void v24DocumentBindsToThe26Model() {
    Diagnostics d = new Diagnostics();
    assertInstanceOf(BoundDocument.V2.class,
        AsyncApiBinder.bind(load("synthetic/v240-messageId.yml"), d).orElseThrow());
    assertEquals(List.of(), d.sorted());
  }

  @Test
  void v31DocumentBindsToThe30ModelMarkedAsTranslated() {
    Diagnostics d = new Diagnostics();
    BoundDocument.V3 v3 = assertInstanceOf(BoundDocument.V3.class,
        AsyncApiBinder.bind(load("synthetic/v310-ws.yml"), d).orElseThrow());
    assertTrue(v3.translatedFrom31());
    assertTrue(v3.document().getOperations().containsKey("sendPing"));
    assertEquals(List.of(), d.sorted());
  }

  @Test
  void typeMismatchIsAWarningAtTheValueJacksonStoppedOn() {
    Diagnostics d = new Diagnostics();
    Optional<BoundDocument> bound = AsyncApiBinder.bind(parse("""
        asyncapi: 3.0.0
        info:
          title: t
          version: '1'
          contact: [not, an, object]
        """), d);
    assertTrue(bound.isEmpty());
    List<Diagnostic> all = d.sorted();
    assertEquals(1, all.size(), all::toString);
    Diagnostic w = all.get(0);
    assertEquals(Severity.WARNING, w.severity());
    assertEquals("5:3", w.location().line() + ":" + w.location().column(), w::toString);
    assertTrue(w.message().contains("info/contact"), w::toString);
  }

  @Test
  void failuresTheLibraryOnlyPrintsAreCapturedAsWarningsNotPrinted() {
    PrintStream original = System.err;
    ByteArrayOutputStream stderr = new ByteArrayOutputStream();
    Diagnostics d = new Diagnostics();
    System.setErr(new PrintStream(stderr, true, StandardCharsets.UTF_8));
    try {
      AsyncApiBinder.bind(load("synthetic/schema-nullable.yml"), d);
    } finally {
      System.setErr(original);
    }
    assertEquals("", stderr.toString(StandardCharsets.UTF_8), "the library's stack trace must not reach stderr");
    Diagnostic w = d.sorted().get(0);
    assertEquals(Severity.WARNING, w.severity());
    assertEquals("8:27", w.location().line() + ":" + w.location().column(), "at the 'nullable' key");
    assertTrue(w.message().contains("\"nullable\""), w::toString);
  }
}
