package io.asyncws.generator.load;

import static io.asyncws.generator.load.LoaderTestSupport.at;
import static io.asyncws.generator.load.LoaderTestSupport.load;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;

import io.asyncws.generator.tree.MappingNode;
import io.asyncws.generator.tree.Node;
import io.asyncws.generator.tree.SourceLocation;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(value = 10, unit = TimeUnit.SECONDS)
class DocumentLoaderPositionTest {

  private static String pos(SourceLocation location) {
    return location.line() + ":" + location.column();
  }

  private static String keyPos(Node mapping, String key) {
    return pos(((MappingNode) mapping).entry(key).orElseThrow().keyLocation());
  }

  @Test
  void blockStyleKeysAndValuesKeepTheirLineAndColumn() {
    Node root =
        load("asyncapi: 3.0.0\n"
                + "info:\n"
                + "  title: Demo\n"
                + "  tags:\n"
                + "    - name: a\n"
                + "    -   name: b\n")
            .node();
    assertEquals("1:1", keyPos(root, "asyncapi"));
    assertEquals("1:11", pos(at(root, "asyncapi").location()));
    assertEquals("3:3", keyPos(at(root, "info"), "title"));
    assertEquals("3:10", pos(at(root, "info", "title").location()));
    assertEquals("5:7", pos(at(root, "info", "tags", 0).location()));
    assertEquals("6:9", keyPos(at(root, "info", "tags", 1), "name"));
    assertEquals("6:15", pos(at(root, "info", "tags", 1, "name").location()));
  }

  @Test
  void flowStyleNodesKeepTheirColumns() {
    Node root = load("x: {a: 1, b: [true, \"s\"]}\n").node();
    assertEquals("1:4", pos(at(root, "x").location()));
    assertEquals("1:5", keyPos(at(root, "x"), "a"));
    assertEquals("1:8", pos(at(root, "x", "a").location()));
    assertEquals("1:14", pos(at(root, "x", "b").location()));
    assertEquals("1:21", pos(at(root, "x", "b", 1).location()));
  }

  @Test
  void jsonDocumentKeepsPositionsAndTypes() {
    Node root =
        load("{\n"
                + "  \"asyncapi\": \"3.0.0\",\n"
                + "  \"n\": [1, 2.5, null, false],\n"
                + "\t\"t\": \"x\\/y\"\n" // a tab before the key, JSON's escaped solidus
                + "}")
            .node();
    assertEquals("2:3", keyPos(root, "asyncapi"));
    assertEquals("2:15", pos(at(root, "asyncapi").location()));
    assertEquals(List.of("asyncapi", "n", "t"), ((MappingNode) root).keys());
    assertEquals(1L, LoaderTestSupport.value(root, "n", 0));
    assertEquals(new java.math.BigDecimal("2.5"), LoaderTestSupport.value(root, "n", 1));
    assertEquals(null, LoaderTestSupport.value(root, "n", 2));
    assertEquals(false, LoaderTestSupport.value(root, "n", 3));
    assertEquals("x/y", LoaderTestSupport.value(root, "t"));
    assertEquals("4:2", keyPos(root, "t"));
  }

  @Test
  void utf8ByteOrderMarkIsAcceptedAndDoesNotShiftColumns() {
    byte[] text = "a: 1\n".getBytes(java.nio.charset.StandardCharsets.UTF_8);
    byte[] withBom = new byte[text.length + 3];
    withBom[0] = (byte) 0xEF;
    withBom[1] = (byte) 0xBB;
    withBom[2] = (byte) 0xBF;
    System.arraycopy(text, 0, withBom, 3, text.length);
    Node root = LoaderTestSupport.load(new DocumentLoader(), withBom).node();
    assertEquals("1:1", keyPos(root, "a"));
  }

  @Test
  void aliasYieldsTheAnchoredNodeAtTheAnchorsPosition() {
    Node root = load("a: &shared {x: 1}\nb: *shared\n").node();
    assertSame(at(root, "a"), at(root, "b"));
    assertEquals("1:4", pos(at(root, "b").location()));
  }

  @Test
  void mergeKeyAddsEntriesThatTheMappingDoesNotOverride() {
    Node root = load("base: &b {x: 1, y: 2}\nchild:\n  <<: *b\n  y: 3\n").node();
    Node child = at(root, "child");
    assertEquals(List.of("y", "x"), ((MappingNode) child).keys());
    assertEquals(3L, LoaderTestSupport.value(child, "y"));
    assertEquals(1L, LoaderTestSupport.value(child, "x"));
    assertEquals("1:11", keyPos(child, "x"));
  }

  @Test
  void quotedMergeKeyIsAnOrdinaryKey() {
    Node root = load("\"<<\": 1\n").node();
    assertEquals(1L, LoaderTestSupport.value(root, "<<"));
  }

  @Test
  void longNumericKeyIsTextNotANumberError() {
    String digits = "1".repeat(5000);
    Node root = load("? " + digits + "\n: v\n").node();
    assertEquals(List.of(digits), ((MappingNode) root).keys());
  }

  @Test
  void nonStringKeysBecomeTheirTextAsWritten() {
    Node root = load("200: ok\n0x1F: hex\ntrue: yes\n1.50: f\n").node();
    assertEquals(List.of("200", "0x1F", "true", "1.50"), ((MappingNode) root).keys());
  }
}
