package io.asyncws.generator.resolve;

import static io.asyncws.generator.resolve.ResolveTestSupport.assertAt;
import static io.asyncws.generator.resolve.ResolveTestSupport.assertMessageContains;
import static io.asyncws.generator.resolve.ResolveTestSupport.errors;
import static io.asyncws.generator.resolve.ResolveTestSupport.raw;
import static io.asyncws.generator.resolve.ResolveTestSupport.scalar;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.asyncws.generator.diagnostic.Diagnostic;
import io.asyncws.generator.diagnostic.Diagnostics;
import io.asyncws.generator.tree.Node;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** The resolver on the corpus's multi-file, circular and remote documents. */
@Timeout(value = 20, unit = TimeUnit.SECONDS)
class DocumentSetCorpusTest {

  private final Diagnostics diagnostics = new Diagnostics();

  private DocumentSet open(String corpusPath) {
    return DocumentSet.open(
        CorpusResolveTest.corpus().resolve(corpusPath), ResolveOptions.defaults(), diagnostics);
  }

  @Test
  void refToAWholeFileYieldsThatFilesRoot() {
    DocumentSet set = open("parser-js-mocks/refs-1.yaml");
    Node ref = raw(set.root().orElseThrow(), "properties", "testing");
    Node target = set.deref(ref).orElseThrow();
    assertEquals("string", scalar(target, "type"));
    assertTrue(target.location().file().endsWith("refs-2.yaml"));
    assertEquals(1, target.location().line());
    RefTarget refTarget = set.target(ref).orElseThrow();
    assertEquals("", refTarget.pointer());
    assertTrue(refTarget.file().orElseThrow().isAbsolute());
    assertTrue(refTarget.document().toString().endsWith("parser-js-mocks/refs-2.yaml"));
    assertEquals(2, set.documents().size());
    assertEquals(List.of(), diagnostics.sorted());
  }

  @Test
  void circularSchemaBecomesAGraphWithOneSharedTarget() {
    DocumentSet set = open("parser-js-mocks/circular-refs.yaml");
    set.resolveAll();
    assertEquals(List.of(), diagnostics.sorted());
    Node root = set.root().orElseThrow();
    Node payloadRef = raw(root, "components", "messages", "testMessage", "payload");
    Node schema = set.deref(payloadRef).orElseThrow();
    Node innerRef = raw(schema, "properties", "deep", "properties", "circular");
    assertSame(schema, set.deref(innerRef).orElseThrow());
    assertEquals(set.target(payloadRef), set.target(innerRef));
    assertEquals("/components/schemas/testSchema", set.target(innerRef).orElseThrow().pointer());
    assertEquals("testSchema", set.target(innerRef).orElseThrow().lastToken().orElseThrow());
  }

  @Test
  void mutuallyRecursiveSchemasResolveWithoutEndlessRecursion() {
    DocumentSet set = open("parser-js-mocks/parse/circular-ref-deep.yaml");
    set.resolveAll();
    assertEquals(List.of(), diagnostics.sorted());
    Node root = set.root().orElseThrow();
    Node yetAnother = set.deref(raw(root, "properties", "ExternalFile", "properties", "testExt"))
        .orElseThrow();
    assertSame(raw(root, "properties", "YetAnother"), yetAnother);
    Node back = set.deref(raw(yetAnother, "properties", "children", "items")).orElseThrow();
    assertSame(raw(root, "properties", "ExternalFile"), back);
  }

  @Test
  void multiFileApiFollowsRefsRelativeToEachReferringFile() {
    for (String version : new String[] {"spec-v2.6.0", "spec-v3.0.0", "spec-v3.1.0"}) {
      Diagnostics d = new Diagnostics();
      Path backend =
          CorpusResolveTest.corpus().resolve(version + "/social-media/backend/asyncapi.yaml");
      DocumentSet set = DocumentSet.open(backend, ResolveOptions.defaults(), d);
      set.resolveAll();
      assertEquals(List.of(), d.sorted(), version);
      // The root, then messages, schemas (reached from messages.yaml), servers and parameters.
      List<String> names =
          set.documents().stream()
              .map(uri -> Path.of(uri).getFileName().toString())
              .sorted()
              .toList();
      int expected = version.equals("spec-v2.6.0") ? 4 : 5; // 2.6 has no parameters.yaml ref
      assertEquals(expected, names.size(), () -> version + " " + names);
      assertTrue(names.contains("schemas.yaml"), version);
    }
  }

  @Test
  void refInsideAReferencedFileIsRelativeToThatFile() {
    DocumentSet set = open("spec-v3.0.0/social-media/backend/asyncapi.yaml");
    Node root = set.root().orElseThrow();
    Node messageRef = raw(root, "channels", "notifyAllCommentLiked", "messages", "commentLiked");
    Node message = set.deref(messageRef).orElseThrow();
    assertTrue(message.location().file().endsWith(Path.of("common", "messages.yaml")));
    Node payload = set.deref(raw(message, "payload")).orElseThrow();
    assertTrue(payload.location().file().endsWith(Path.of("common", "schemas.yaml")));
    RefTarget target = set.target(raw(message, "payload")).orElseThrow();
    assertEquals("/commentLikedPayload", target.pointer());
    // The file name in locations is built from the root's name, so messages read naturally.
    assertFalse(message.location().file().toString().contains(".."));
  }

  @Test
  void refToARefInAnotherFileFollowsTheChain() {
    DocumentSet set = open("spec-v3.0.0/social-media/backend/asyncapi.yaml");
    Node root = set.root().orElseThrow();
    // '#/servers/websiteWebSocketServer' is itself a ref into ../common/servers.yaml.
    Node serverRef = raw(root, "channels", "newLikeComment", "servers", 0);
    Node server = set.deref(serverRef).orElseThrow();
    assertTrue(server.location().file().endsWith(Path.of("common", "servers.yaml")));
    assertEquals(set.target(raw(root, "servers", "websiteWebSocketServer")), set.target(serverRef));
    assertEquals("/websiteWebSocketServer", set.target(serverRef).orElseThrow().pointer());
  }

  @Test
  void remoteRefsInAdeo30AreErrorsAtTheirOwnPositions() {
    DocumentSet set = open("spec-v3.0.0/adeo-kafka-request-reply-asyncapi.yml");
    set.resolveAll();
    List<Diagnostic> errors = errors(diagnostics);
    assertEquals(3, errors.size(), errors::toString);
    assertAt(errors.get(0), 214, 17);
    assertMessageContains(
        errors.get(0),
        "'https://www.asyncapi.com/resources/casestudies/adeo/CostingRequestPayload.avsc'",
        "--allow-remote-refs");
    assertAt(errors.get(1), 245, 19);
    assertMessageContains(errors.get(1), "CostingResponseKey.avsc", "--allow-remote-refs");
    assertAt(errors.get(2), 249, 17);
    assertMessageContains(errors.get(2), "CostingResponsePayload.avsc", "--allow-remote-refs");
    assertEquals(1, set.documents().size(), "nothing remote was fetched");
  }

  @Test
  void remoteRefsInAdeo31AreErrorsAtTheirOwnPositions() {
    DocumentSet set = open("spec-v3.1.0/adeo-kafka-request-reply-asyncapi.yml");
    set.resolveAll();
    List<Diagnostic> errors = errors(diagnostics);
    assertEquals(2, errors.size(), errors::toString);
    assertAt(errors.get(0), 174, 17);
    assertAt(errors.get(1), 204, 17);
    errors.forEach(
        e -> assertMessageContains(e, "https://www.asyncapi.com/", "--allow-remote-refs"));
  }
}
