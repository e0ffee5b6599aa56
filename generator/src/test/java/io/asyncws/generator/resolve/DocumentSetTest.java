package io.asyncws.generator.resolve;

import static io.asyncws.generator.resolve.ResolveTestSupport.assertAt;
import static io.asyncws.generator.resolve.ResolveTestSupport.assertMessageContains;
import static io.asyncws.generator.resolve.ResolveTestSupport.errors;
import static io.asyncws.generator.resolve.ResolveTestSupport.onlyError;
import static io.asyncws.generator.resolve.ResolveTestSupport.raw;
import static io.asyncws.generator.resolve.ResolveTestSupport.write;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.asyncws.generator.diagnostic.Diagnostic;
import io.asyncws.generator.diagnostic.Diagnostics;
import io.asyncws.generator.diagnostic.Severity;
import io.asyncws.generator.load.LoadLimits;
import io.asyncws.generator.tree.Node;
import io.asyncws.generator.tree.ScalarNode;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** The resolver on small crafted documents: pointers, files, chains, cycles and limits. */
@Timeout(value = 20, unit = TimeUnit.SECONDS)
class DocumentSetTest {

  @TempDir Path dir;
  private final Diagnostics diagnostics = new Diagnostics();

  private DocumentSet open(Path root) {
    return DocumentSet.open(root, ResolveOptions.defaults(), diagnostics);
  }

  private static Object value(Optional<Node> node) {
    return ((ScalarNode) node.orElseThrow()).value();
  }

  @Test
  void pointerEscapesAreDecoded() {
    Path root =
        write(
            dir,
            "api.yaml",
            "x:\n"
                + "  a/b: slash\n"
                + "  m~n: tilde\n"
                + "  '{id}': braces\n"
                + "  with space: space\n"
                + "  \u00e9t\u00e9: accents\n"
                + "  '~1': literal\n"
                + "refs:\n"
                + "  - $ref: '#/x/a~1b'\n"
                + "  - $ref: '#/x/m~0n'\n"
                + "  - $ref: '#/x/%7Bid%7D'\n"
                + "  - $ref: '#/x/with%20space'\n"
                + "  - $ref: '#/x/%C3%A9t%C3%A9'\n"
                + "  - $ref: '#/x/~01'\n");
    DocumentSet set = open(root);
    Node refs = raw(set.root().orElseThrow(), "refs");
    List<String> expected = List.of("slash", "tilde", "braces", "space", "accents", "literal");
    for (int i = 0; i < expected.size(); i++) {
      assertEquals(expected.get(i), value(set.deref(raw(refs, i))), "ref " + i);
    }
    assertEquals("/x/a~1b", set.target(raw(refs, 0)).orElseThrow().pointer());
    assertEquals(List.of("x", "{id}"), set.target(raw(refs, 2)).orElseThrow().tokens());
    assertEquals(List.of(), diagnostics.sorted());
  }

  @Test
  void arrayIndexesInPointers() {
    Path root =
        write(
            dir,
            "api.yaml",
            "list: [zero, one]\n"
                + "ok: {$ref: '#/list/1'}\n"
                + "leading: {$ref: '#/list/01'}\n"
                + "beyond: {$ref: '#/list/5'}\n");
    DocumentSet set = open(root);
    Node r = set.root().orElseThrow();
    assertEquals("one", value(set.deref(raw(r, "ok"))));
    assertTrue(set.deref(raw(r, "leading")).isEmpty());
    assertTrue(set.deref(raw(r, "beyond")).isEmpty());
    List<Diagnostic> errors = errors(diagnostics);
    assertEquals(2, errors.size(), errors::toString);
    assertAt(errors.get(0), 3, 17);
    assertMessageContains(errors.get(0), "'#/list' is an array of 2 items", "no item '01'");
    assertAt(errors.get(1), 4, 16);
  }

  @Test
  void missingPointerIsAnErrorAtTheRefWithASuggestion() {
    Path root =
        write(
            dir,
            "api.yaml",
            "components:\n"
                + "  schemas:\n"
                + "    User: {type: object}\n"
                + "payload:\n"
                + "  $ref: '#/components/schemas/Usr'\n");
    DocumentSet set = open(root);
    set.resolveAll();
    Diagnostic error = onlyError(diagnostics);
    assertAt(error, 5, 9);
    assertTrue(error.location().file().endsWith("api.yaml"));
    assertMessageContains(
        error, "'#/components/schemas/Usr'", "'#/components/schemas' has no 'Usr'", "'User'");
  }

  @Test
  void missingFileIsAnErrorAtTheRef() {
    Path root = write(dir, "api.yaml", "a: 1\nb:\n  c: {$ref: './common/missing.yaml#/x'}\n");
    DocumentSet set = open(root);
    set.resolveAll();
    Diagnostic error = onlyError(diagnostics);
    assertAt(error, 3, 13);
    assertMessageContains(error, "missing.yaml", "does not exist", "relative to the file");
  }

  @Test
  void missingPointerInAnotherFileNamesThatFile() {
    write(dir, "common/defs.json", "{\"Known\": {\"type\": \"string\"}}");
    Path root = write(dir, "api.yaml", "s:\n  $ref: common/defs.json#/Unknown\n");
    open(root).resolveAll();
    Diagnostic error = onlyError(diagnostics);
    assertAt(error, 2, 9);
    assertMessageContains(error, "the root of '", "defs.json' has no 'Unknown'");
  }

  @Test
  void refsInsideReferencedFilesAreRelativeToThoseFilesAtAnyDepth() {
    write(dir, "a/b/c/leaf.json", "{\"leaf\": {\"type\": \"integer\"}}");
    write(dir, "x/mid.yaml", "mid:\n  $ref: ../a/b/c/leaf.json#/leaf\n");
    Path root = write(dir, "api/main.yaml", "start:\n  $ref: '../x/mid.yaml#/mid'\n");
    DocumentSet set = open(root);
    set.resolveAll();
    assertEquals(List.of(), diagnostics.sorted());
    Node start = raw(set.root().orElseThrow(), "start");
    assertEquals("integer", ResolveTestSupport.scalar(set.deref(start).orElseThrow(), "type"));
    RefTarget target = set.target(start).orElseThrow();
    Path leaf = dir.resolve("a/b/c/leaf.json").toAbsolutePath().normalize();
    assertEquals(leaf.toUri(), target.document());
    assertEquals("/leaf", target.pointer());
    assertEquals(3, set.documents().size());
  }

  @Test
  void eachFileIsLoadedOnceWhateverItsSpelling() {
    write(dir, "common/s.yaml", "A: {type: string}\nB: {type: integer}\n");
    Path root =
        write(
            dir,
            "api/main.yaml",
            "a: {$ref: '../common/s.yaml#/A'}\n"
                + "b: {$ref: '../common/../common/./s.yaml#/B'}\n"
                + "c: {$ref: '../api/../common/s.yaml#/A'}\n");
    DocumentSet set = open(root);
    set.resolveAll();
    assertEquals(2, set.documents().size());
    Node r = set.root().orElseThrow();
    assertSame(set.deref(raw(r, "a")).orElseThrow(), set.deref(raw(r, "c")).orElseThrow());
    assertEquals(set.target(raw(r, "a")), set.target(raw(r, "c")));
  }

  @Test
  void pointerThroughARefFollowsItOnTheWay() {
    write(dir, "msgs.yaml", "m:\n  payload: {type: boolean}\n");
    Path root =
        write(
            dir,
            "api.yaml",
            "components:\n"
                + "  messages:\n"
                + "    local: {$ref: 'msgs.yaml#/m'}\n"
                + "p: {$ref: '#/components/messages/local/payload'}\n");
    DocumentSet set = open(root);
    Node p = raw(set.root().orElseThrow(), "p");
    assertEquals("boolean", ResolveTestSupport.scalar(set.deref(p).orElseThrow(), "type"));
    RefTarget target = set.target(p).orElseThrow();
    assertTrue(target.document().toString().endsWith("msgs.yaml"), target::toString);
    assertEquals("/m/payload", target.pointer());
  }

  @Test
  void chainOfRefsEndsAtTheValueAndSharesItsTarget() {
    Path root = write(dir, "api.yaml", "a: {$ref: '#/b'}\nb: {$ref: '#/c'}\nc: {type: string}\n");
    DocumentSet set = open(root);
    Node r = set.root().orElseThrow();
    assertSame(raw(r, "c"), set.deref(raw(r, "a")).orElseThrow());
    assertEquals("/c", set.target(raw(r, "a")).orElseThrow().pointer());
    assertEquals(set.target(raw(r, "a")), set.target(raw(r, "b")));
  }

  @Test
  void cycleOfRefsIsAnErrorAtEachRefInIt() {
    Path root = write(dir, "api.yaml", "a:\n  $ref: '#/b'\nb:\n  $ref: '#/a'\nc: {$ref: '#/c'}\n");
    DocumentSet set = open(root);
    set.resolveAll();
    List<Diagnostic> errors = errors(diagnostics);
    assertEquals(3, errors.size(), errors::toString);
    assertAt(errors.get(0), 2, 9);
    assertMessageContains(errors.get(0), "cycle", "'#/b' -> '#/a' -> '#/b'");
    assertAt(errors.get(1), 4, 9);
    assertAt(errors.get(2), 5, 11);
    assertMessageContains(errors.get(1), "'#/a' -> '#/b' -> '#/a'");
    assertMessageContains(errors.get(2), "'#/c' -> '#/c'");
  }

  @Test
  void cycleAcrossFilesIsDetected() {
    write(dir, "one.yaml", "x: {$ref: 'two.yaml#/y'}\n");
    write(dir, "two.yaml", "y: {$ref: 'one.yaml#/x'}\n");
    Path root = write(dir, "api.yaml", "s: {$ref: 'one.yaml#/x'}\n");
    DocumentSet set = open(root);
    set.resolveAll();
    List<Diagnostic> errors = errors(diagnostics);
    assertEquals(2, errors.size(), errors::toString);
    assertTrue(errors.stream().allMatch(e -> e.message().contains("cycle")));
  }

  @Test
  void longChainStopsAtTheNestingLimitInsteadOfOverflowingTheStack() {
    StringBuilder text = new StringBuilder();
    for (int i = 0; i < 5000; i++) {
      text.append("r").append(i).append(": {$ref: '#/r").append(i + 1).append("'}\n");
    }
    text.append("r5000: {type: string}\n");
    DocumentSet set = open(write(dir, "api.yaml", text.toString()));
    assertTrue(set.deref(raw(set.root().orElseThrow(), "r0")).isEmpty());
    assertMessageContains(onlyError(diagnostics), "more than 64 refs inside one another");
  }

  @Test
  void errorIsReportedOnceHoweverOftenTheRefIsFollowed() {
    Path root = write(dir, "api.yaml", "a: {$ref: '#/nothing'}\n");
    DocumentSet set = open(root);
    Node a = raw(set.root().orElseThrow(), "a");
    set.deref(a);
    set.target(a);
    set.resolveAll();
    assertEquals(1, errors(diagnostics).size());
  }

  @Test
  void fragmentThatIsNotAPointerIsAnError() {
    Path root =
        write(
            dir,
            "api.yaml",
            "a: {$ref: '#anchor'}\nb: {$ref: '#/x/%zz'}\nc: {$ref: '#/~2'}\nx: 1\n");
    open(root).resolveAll();
    List<Diagnostic> errors = errors(diagnostics);
    assertEquals(3, errors.size(), errors::toString);
    assertMessageContains(errors.get(0), "not a JSON pointer");
    assertMessageContains(errors.get(1), "broken percent escape");
    assertMessageContains(errors.get(2), "'~' that is not part of '~0' or '~1'");
  }

  @Test
  void unsupportedSchemeIsAnError() {
    Path root = write(dir, "api.yaml", "a: {$ref: 'urn:example:x'}\n");
    open(root).resolveAll();
    assertMessageContains(onlyError(diagnostics), "scheme 'urn:' is not supported");
  }

  @Test
  void keysBesideARefAreIgnoredWithAWarning() {
    Path root =
        write(dir, "api.yaml", "s: {type: string}\nr:\n  $ref: '#/s'\n  description: mine\n");
    DocumentSet set = open(root);
    set.resolveAll();
    List<Diagnostic> all = diagnostics.sorted();
    assertEquals(1, all.size(), all::toString);
    assertEquals(Severity.WARNING, all.get(0).severity());
    assertAt(all.get(0), 4, 3);
    assertMessageContains(all.get(0), "'description' beside '$ref' is ignored");
    Node target = set.deref(raw(set.root().orElseThrow(), "r")).orElseThrow();
    assertEquals("string", ResolveTestSupport.scalar(target, "type"));
  }

  @Test
  void refValueThatIsNotAStringIsNoRef() {
    Path root = write(dir, "api.yaml", "properties:\n  $ref: {type: string}\n");
    DocumentSet set = open(root);
    Node properties = raw(set.root().orElseThrow(), "properties");
    assertTrue(!set.isRef(properties));
    assertSame(properties, set.deref(properties).orElseThrow());
    set.resolveAll();
    assertEquals(List.of(), diagnostics.sorted());
  }

  @Test
  void tooManyDocumentsIsAnErrorAtTheRefThatWouldExceedIt() {
    write(dir, "one.yaml", "v: 1\n");
    write(dir, "two.yaml", "v: 2\n");
    Path root = write(dir, "api.yaml", "a: {$ref: 'one.yaml#/v'}\nb: {$ref: 'two.yaml#/v'}\n");
    DocumentSet set =
        DocumentSet.open(root, ResolveOptions.defaults().withMaxDocuments(2), diagnostics);
    Node r = set.root().orElseThrow();
    assertEquals(1L, value(set.deref(raw(r, "a"))));
    assertTrue(set.deref(raw(r, "b")).isEmpty());
    Diagnostic error = onlyError(diagnostics);
    assertAt(error, 2, 11);
    assertMessageContains(error, "document number 3", "limit of 2");
  }

  @Test
  void referencedFileOverTheSizeLimitIsReportedInItAndAtTheRef() {
    write(dir, "big.yaml", "v: " + "x".repeat(2000) + "\n");
    Path root = write(dir, "api.yaml", "a: {$ref: 'big.yaml#/v'}\n");
    ResolveOptions options =
        ResolveOptions.defaults().withLoadLimits(LoadLimits.defaults().withMaxDocumentBytes(1024));
    DocumentSet set = DocumentSet.open(root, options, diagnostics);
    set.resolveAll();
    List<Diagnostic> errors = errors(diagnostics);
    assertEquals(2, errors.size(), errors::toString);
    assertTrue(
        errors.stream()
            .anyMatch(
                e ->
                    e.location().file().endsWith("big.yaml")
                        && e.message().contains("limit of 1024 bytes")));
    assertTrue(
        errors.stream()
            .anyMatch(
                e ->
                    e.location().file().endsWith("api.yaml")
                        && e.message().contains("could not be read")));
  }

  @Test
  void brokenRootGivesNoTreeAndResolveAllDoesNothing() {
    Path root = write(dir, "api.yaml", "a: [\n");
    DocumentSet set = open(root);
    set.resolveAll();
    assertTrue(set.root().isEmpty());
    assertEquals(1, errors(diagnostics).size());
  }

  @Test
  void rootGivenInMemoryStillReadsItsRefsFromDisk() {
    write(dir, "common/s.yaml", "A: {type: string}\n");
    Path root = dir.resolve("api.yaml"); // not on disk: only its content is given
    byte[] content = "a:\n  $ref: 'common/s.yaml#/B'\n".getBytes(StandardCharsets.UTF_8);
    DocumentSet set = DocumentSet.open(root, content, ResolveOptions.defaults(), diagnostics);
    set.resolveAll();
    Diagnostic error = onlyError(diagnostics);
    assertEquals(root, error.location().file());
    assertAt(error, 2, 9);
    assertMessageContains(error, "s.yaml' has no 'B'", "did you mean 'A'?");
  }

  @Test
  void refToTheRootFileByNameReusesIt() {
    write(dir, "common/x.yaml", "back: {$ref: '../api.yaml#/value'}\n");
    Path root = write(dir, "api.yaml", "value: 7\nuse: {$ref: 'common/x.yaml#/back'}\n");
    DocumentSet set = open(root);
    assertEquals(7L, value(set.deref(raw(set.root().orElseThrow(), "use"))));
    assertEquals(2, set.documents().size());
  }
}
