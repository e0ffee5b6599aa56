package io.asyncws.generator.validate.structure;

import static org.junit.jupiter.api.Assertions.assertTrue;

import io.asyncws.generator.diagnostic.Diagnostic;
import io.asyncws.generator.tree.MappingNode;
import io.asyncws.generator.tree.Node;
import io.asyncws.generator.tree.ScalarNode;
import io.asyncws.generator.tree.SequenceNode;
import io.asyncws.generator.tree.SourceLocation;
import java.io.IOException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * For every valid corpus document: the same breakages made in the tree (so every document, block
 * or flow style, gets them), each expected at an exact position. Inserted nodes get positions no
 * real line has (line 90000+), so an error there can only come from pointing at the right node.
 */
@Timeout(value = 120, unit = TimeUnit.SECONDS)
class SystematicMutationTest {
  private static final int PLANTED_LINE = 90_000;

  static Stream<Path> documents() throws IOException {
    return CorpusStructureTest.validDocuments();
  }

  private static SourceLocation planted(Node root, int column) {
    return new SourceLocation(root.location().file(), PLANTED_LINE, column);
  }

  /** {@code map} with {@code key} set to {@code value} (added last when new), key at {@code keyAt}. */
  private static MappingNode with(MappingNode map, String key, SourceLocation keyAt, Node value) {
    Map<String, MappingNode.Entry> entries = new LinkedHashMap<>(map.entries());
    entries.put(key, new MappingNode.Entry(key, keyAt, value));
    return new MappingNode(map.location(), entries);
  }

  private static MappingNode without(MappingNode map, String key) {
    Map<String, MappingNode.Entry> entries = new LinkedHashMap<>(map.entries());
    entries.remove(key);
    return new MappingNode(map.location(), entries);
  }

  /** The root with the mapping under {@code field} replaced by {@code change} of it. */
  private static MappingNode change(MappingNode root, String field, UnaryOperator<MappingNode> change) {
    MappingNode.Entry e = root.entry(field).orElseThrow();
    return with(root, field, e.keyLocation(), change.apply((MappingNode) e.value()));
  }

  private static List<Diagnostic> validate(Path file, MappingNode mutated) {
    TestDocuments docs = new TestDocuments();
    docs.load(file); // siblings and the original, then the mutation takes the original's place
    docs.replace(file, mutated);
    return docs.validate(mutated);
  }

  private static void assertErrorAt(List<Diagnostic> found, SourceLocation at, String words) {
    assertTrue(found.stream().anyMatch(d -> d.location().equals(at) && d.message().contains(words)),
        () -> "expected an error at " + at + " containing \"" + words + "\", got: " + found);
  }

  @ParameterizedTest
  @MethodSource("documents")
  void unknownTopLevelFieldIsReportedAtItsKey(Path file) {
    MappingNode root = (MappingNode) new TestDocuments().load(file);
    SourceLocation at = planted(root, 1);
    List<Diagnostic> found = validate(file, with(root, "chanels", at, new ScalarNode(planted(root, 10), "x")));
    assertErrorAt(found, at, "unknown field 'chanels' in the AsyncAPI document");
  }

  @ParameterizedTest
  @MethodSource("documents")
  void unknownInfoFieldIsReportedAtItsKeyWithSuggestion(Path file) {
    MappingNode root = (MappingNode) new TestDocuments().load(file);
    SourceLocation at = planted(root, 3);
    List<Diagnostic> found = validate(file, change(root, "info",
        info -> with(info, "descripton", at, new ScalarNode(planted(root, 15), "x"))));
    assertErrorAt(found, at, "unknown field 'descripton' in Info");
    assertTrue(found.stream().anyMatch(d -> "did you mean 'description'?".equals(d.hint())), found::toString);
  }

  @ParameterizedTest
  @MethodSource("documents")
  void missingInfoVersionIsReportedAtTheInfoKey(Path file) {
    MappingNode root = (MappingNode) new TestDocuments().load(file);
    SourceLocation infoKey = root.entry("info").orElseThrow().keyLocation();
    List<Diagnostic> found = validate(file, change(root, "info", info -> without(info, "version")));
    assertErrorAt(found, infoKey, "Info is missing the required field 'version'");
  }

  @ParameterizedTest
  @MethodSource("documents")
  void titleOfWrongTypeIsReportedAtTheValue(Path file) {
    MappingNode root = (MappingNode) new TestDocuments().load(file);
    SourceLocation value = planted(root, 10);
    List<Diagnostic> found = validate(file, change(root, "info", info -> with(info, "title",
        info.entry("title").orElseThrow().keyLocation(), new SequenceNode(value, List.of()))));
    assertErrorAt(found, value, "'title' in Info must be a string, not an array");
  }

  @ParameterizedTest
  @MethodSource("documents")
  void unknownFieldInEveryInlineChannelIsReportedAtItsKey(Path file) {
    MappingNode root = (MappingNode) new TestDocuments().load(file);
    if (!(root.get("channels").orElse(null) instanceof MappingNode channels)) return;
    int column = 1;
    Map<String, SourceLocation> planted = new LinkedHashMap<>();
    Map<String, MappingNode.Entry> changed = new LinkedHashMap<>(channels.entries());
    for (MappingNode.Entry e : channels.entries().values()) {
      if (!(e.value() instanceof MappingNode channel) || channel.get("$ref").isPresent()) continue;
      SourceLocation at = planted(root, column++);
      planted.put(e.key(), at);
      changed.put(e.key(), new MappingNode.Entry(e.key(), e.keyLocation(),
          with(channel, "descriptin", at, new ScalarNode(at, "x"))));
    }
    List<Diagnostic> found = validate(file, with(root, "channels", root.entry("channels").get().keyLocation(),
        new MappingNode(channels.location(), changed)));
    planted.forEach((name, at) -> assertErrorAt(found, at, "unknown field 'descriptin' in Channel '" + name + "'"));
  }

  @ParameterizedTest
  @MethodSource("documents")
  void misspeltOperationActionIsReportedAtTheValue(Path file) {
    MappingNode root = (MappingNode) new TestDocuments().load(file);
    if (!(root.get("operations").orElse(null) instanceof MappingNode operations)) return; // 2.x
    Map<String, MappingNode.Entry> changed = new LinkedHashMap<>(operations.entries());
    Map<String, SourceLocation> planted = new LinkedHashMap<>();
    int column = 1;
    for (MappingNode.Entry e : operations.entries().values()) {
      if (!(e.value() instanceof MappingNode op) || op.get("action").isEmpty()) continue;
      SourceLocation at = planted(root, column++);
      planted.put(e.key(), at);
      changed.put(e.key(), new MappingNode.Entry(e.key(), e.keyLocation(),
          with(op, "action", op.entry("action").get().keyLocation(), new ScalarNode(at, "recieve"))));
    }
    List<Diagnostic> found = validate(file, with(root, "operations", root.entry("operations").get().keyLocation(),
        new MappingNode(operations.location(), changed)));
    planted.forEach((name, at) -> assertErrorAt(found, at,
        "'action' in Operation '" + name + "' must be one of 'send', 'receive', not 'recieve'"));
  }
}
