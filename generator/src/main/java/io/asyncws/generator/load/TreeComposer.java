package io.asyncws.generator.load;

import io.asyncws.generator.diagnostic.Diagnostics;
import io.asyncws.generator.tree.MappingNode;
import io.asyncws.generator.tree.Node;
import io.asyncws.generator.tree.ScalarNode;
import io.asyncws.generator.tree.SequenceNode;
import io.asyncws.generator.tree.SourceLocation;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.yaml.snakeyaml.error.Mark;
import org.yaml.snakeyaml.events.AliasEvent;
import org.yaml.snakeyaml.events.CollectionStartEvent;
import org.yaml.snakeyaml.events.Event;
import org.yaml.snakeyaml.events.NodeEvent;
import org.yaml.snakeyaml.events.ScalarEvent;
import org.yaml.snakeyaml.parser.Parser;

/**
 * Builds the positioned tree from snakeyaml's parser events. snakeyaml's own Composer would build
 * a node graph first; building from events directly lets every guard (nesting, aliases, expanded
 * size, duplicate keys) fail at the exact position, before any memory is spent on a bomb.
 *
 * <p>Anchored nodes are shared: an alias yields the very node its anchor built, so aliases cost no
 * memory; they are counted at their expanded size against {@link LoadLimits#maxNodes()} because
 * later stages walk the tree as if they were copies.
 */
final class TreeComposer {

  private static final String TAG_PREFIX = "tag:yaml.org,2002:";
  private static final String MERGE_KEY = "<<";

  private final Path file;
  private final LoadLimits limits;
  private final Parser parser;
  private final Diagnostics diagnostics;

  /** Anchor name to the node it names and that node's expanded size. */
  private final Map<String, Anchored> anchors = new HashMap<>();
  /** Anchors of collections still being built: an alias to one of them would be a cycle. */
  private final Set<String> openAnchors = new HashSet<>();

  private long expandedNodes;
  private int collectionAliases;

  private record Anchored(Node node, long expandedSize) {}

  TreeComposer(Path file, LoadLimits limits, Parser parser, Diagnostics diagnostics) {
    this.file = file;
    this.limits = limits;
    this.parser = parser;
    this.diagnostics = diagnostics;
  }

  /**
   * The single document of the stream, or empty if the stream has none.
   *
   * @throws LoadFailure on a guard or on a second document
   */
  Optional<Node> composeSingleDocument() {
    expect(Event.ID.StreamStart);
    if (parser.checkEvent(Event.ID.StreamEnd)) return Optional.empty();
    expect(Event.ID.DocumentStart);
    Node root = compose(0);
    expect(Event.ID.DocumentEnd);
    if (parser.checkEvent(Event.ID.DocumentStart)) {
      throw new LoadFailure(
          at(parser.peekEvent().getStartMark()),
          "The file holds a second YAML document; a document file holds exactly one.",
          "remove the second '---' or split the file");
    }
    expect(Event.ID.StreamEnd);
    return Optional.of(root);
  }

  private Node compose(int depth) {
    Event event = parser.getEvent();
    switch (event.getEventId()) {
      case Alias:
        return alias((AliasEvent) event);
      case Scalar:
        return scalar((ScalarEvent) event);
      case SequenceStart:
        return sequence((CollectionStartEvent) event, depth + 1);
      case MappingStart:
        return mapping((CollectionStartEvent) event, depth + 1);
      default:
        throw new IllegalStateException("unexpected YAML event " + event);
    }
  }

  private Node alias(AliasEvent event) {
    String name = event.getAnchor();
    if (openAnchors.contains(name)) {
      throw new LoadFailure(
          at(event.getStartMark()),
          "The alias '*" + name + "' points into the node its anchor '&" + name
              + "' is still defining; a document cannot contain itself.",
          null);
    }
    Anchored anchored = anchors.get(name);
    if (anchored == null) {
      throw new LoadFailure(
          at(event.getStartMark()),
          "The alias '*" + name + "' has no anchor '&" + name + "' before it.",
          null);
    }
    if (!(anchored.node() instanceof ScalarNode) && ++collectionAliases > limits.maxAliases()) {
      throw new LoadFailure(
          at(event.getStartMark()),
          "The document uses more than " + limits.maxAliases()
              + " aliases to mappings or sequences, the limit that stops 'billion laughs' bombs.",
          "use $ref instead of YAML aliases, or raise the alias limit");
    }
    count(anchored.expandedSize(), event.getStartMark());
    return anchored.node();
  }

  private Node scalar(ScalarEvent event) {
    long before = expandedNodes;
    count(1, event.getStartMark());
    SourceLocation location = at(event.getStartMark());
    Node node = new ScalarNode(location, typed(event, location));
    remember(event, node, before);
    return node;
  }

  private Object typed(ScalarEvent event, SourceLocation location) {
    String text = event.getValue();
    String tag = event.getTag();
    try {
      if (tag == null) return event.isPlain() ? CoreSchema.resolve(text) : text;
      if (tag.equals("!") || tag.equals(TAG_PREFIX + "str")) return text;
      Optional<CoreSchema.Kind> kind = coreKind(tag);
      if (kind.isEmpty()) {
        diagnostics.warning(
            location,
            "The tag '" + tag + "' means nothing in an AsyncAPI document and is ignored.");
        return event.isPlain() ? CoreSchema.resolve(text) : text;
      }
      Optional<Object> value = CoreSchema.as(kind.get(), text);
      if (value.isEmpty()) {
        diagnostics.error(
            location,
            "The value '" + abbreviate(text) + "' is not a valid " + shortTag(tag) + ".");
        return text;
      }
      return CoreSchema.unwrap(value.get());
    } catch (CoreSchema.NumberTooLongException e) {
      diagnostics.error(
          location,
          "A number of more than " + CoreSchema.MAX_NUMBER_LENGTH + " characters is not supported.",
          "quote it to make it a string");
      return text;
    }
  }

  private static Optional<CoreSchema.Kind> coreKind(String tag) {
    switch (tag) {
      case TAG_PREFIX + "null":
        return Optional.of(CoreSchema.Kind.NULL);
      case TAG_PREFIX + "bool":
        return Optional.of(CoreSchema.Kind.BOOL);
      case TAG_PREFIX + "int":
        return Optional.of(CoreSchema.Kind.INT);
      case TAG_PREFIX + "float":
        return Optional.of(CoreSchema.Kind.FLOAT);
      default:
        return Optional.empty();
    }
  }

  private Node sequence(CollectionStartEvent start, int depth) {
    long before = enter(start, depth);
    List<Node> items = new ArrayList<>();
    while (!parser.checkEvent(Event.ID.SequenceEnd)) {
      items.add(compose(depth));
    }
    parser.getEvent();
    checkCollectionTag(start, "seq");
    Node node = new SequenceNode(at(start.getStartMark()), items);
    leave(start, node, before);
    return node;
  }

  private Node mapping(CollectionStartEvent start, int depth) {
    long before = enter(start, depth);
    Map<String, MappingNode.Entry> entries = new LinkedHashMap<>();
    List<MappingNode.Entry> merged = new ArrayList<>();
    while (!parser.checkEvent(Event.ID.MappingEnd)) {
      Optional<Key> key = key(depth);
      Node value = compose(depth);
      if (key.isEmpty()) continue;
      Key k = key.get();
      if (k.isMergeKey()) {
        merge(value, merged);
      }
      MappingNode.Entry first = entries.get(k.text());
      if (first != null) {
        diagnostics.error(
            k.location(),
            "The key '" + abbreviate(k.text()) + "' appears twice in this mapping; the first one is"
                + " on line " + first.keyLocation().line() + ".",
            "remove or rename one of them");
        continue;
      }
      if (!k.isMergeKey()) {
        entries.put(k.text(), new MappingNode.Entry(k.text(), k.location(), value));
      }
    }
    parser.getEvent();
    // Keys written in the mapping win over merged ones; among merged mappings the first wins.
    for (MappingNode.Entry entry : merged) {
      entries.putIfAbsent(entry.key(), entry);
    }
    checkCollectionTag(start, "map");
    Node node = new MappingNode(at(start.getStartMark()), entries);
    leave(start, node, before);
    return node;
  }

  /** A key's text and position; {@code <<} unquoted is YAML's merge key. */
  private record Key(String text, SourceLocation location, boolean isMergeKey) {}

  /**
   * Reads a key. Scalar keys become their text as written ({@code 200}, {@code 0x1F} and
   * {@code true} stay exactly that), as a JSON object would have it; a mapping or sequence as a key
   * is an error.
   */
  private Optional<Key> key(int depth) {
    Event event = parser.peekEvent();
    if (event instanceof ScalarEvent) {
      // Not typed: a key is text, so '0x1F' must not become 31 nor a long number an error.
      ScalarEvent scalar = (ScalarEvent) parser.getEvent();
      long before = expandedNodes;
      count(1, scalar.getStartMark());
      SourceLocation location = at(scalar.getStartMark());
      remember(scalar, new ScalarNode(location, scalar.getValue()), before);
      boolean merge =
          scalar.isPlain() && scalar.getTag() == null && MERGE_KEY.equals(scalar.getValue());
      return Optional.of(new Key(scalar.getValue(), location, merge));
    }
    Node node = compose(depth);
    if (node instanceof ScalarNode) {
      return Optional.of(new Key(((ScalarNode) node).text(), at(event.getStartMark()), false));
    }
    diagnostics.error(
        at(event.getStartMark()),
        "A key must be a string, but this key is " + withArticle(node.kindName()) + ".",
        "JSON and AsyncAPI allow only string keys");
    return Optional.empty();
  }

  /** Collects the entries of a {@code <<} value: one mapping or a sequence of mappings. */
  private void merge(Node value, List<MappingNode.Entry> merged) {
    List<Node> sources =
        value instanceof SequenceNode ? ((SequenceNode) value).items() : List.of(value);
    for (Node source : sources) {
      if (source instanceof MappingNode) {
        merged.addAll(((MappingNode) source).entries().values());
      } else {
        diagnostics.error(
            source.location(),
            "A merge key '<<' takes a mapping or a list of mappings, not "
                + withArticle(source.kindName())
                + ".");
      }
    }
  }

  private long enter(CollectionStartEvent start, int depth) {
    if (depth > limits.maxDepth()) {
      throw new LoadFailure(
          at(start.getStartMark()),
          "The document nests mappings and sequences more than " + limits.maxDepth()
              + " levels deep.",
          "flatten it with $ref, or raise the nesting limit");
    }
    long before = expandedNodes;
    count(1, start.getStartMark());
    if (start.getAnchor() != null) openAnchors.add(start.getAnchor());
    return before;
  }

  private void leave(CollectionStartEvent start, Node node, long before) {
    if (start.getAnchor() != null) openAnchors.remove(start.getAnchor());
    remember(start, node, before);
  }

  private void remember(NodeEvent event, Node node, long before) {
    if (event.getAnchor() != null) {
      anchors.put(event.getAnchor(), new Anchored(node, expandedNodes - before));
    }
  }

  private void checkCollectionTag(CollectionStartEvent start, String expected) {
    String tag = start.getTag();
    if (tag != null && !tag.equals(TAG_PREFIX + expected) && !tag.equals("!")) {
      diagnostics.warning(
          at(start.getStartMark()),
          "The tag '" + tag + "' means nothing in an AsyncAPI document and is ignored.");
    }
  }

  private void count(long nodes, Mark mark) {
    expandedNodes += nodes;
    if (expandedNodes > limits.maxNodes()) {
      throw new LoadFailure(
          at(mark),
          "The document has more than " + limits.maxNodes()
              + " nodes, counting what each alias repeats; the limit stops YAML bombs.",
          "split the document with $ref, use fewer YAML aliases, or raise the node limit");
    }
  }

  private void expect(Event.ID id) {
    Event event = parser.getEvent();
    if (!event.is(id)) {
      throw new IllegalStateException("expected YAML event " + id + " but got " + event);
    }
  }

  private SourceLocation at(Mark mark) {
    return mark == null ? new SourceLocation(file, 1, 1) : DocumentLoader.location(file, mark);
  }

  private static String shortTag(String tag) {
    return tag.startsWith(TAG_PREFIX) ? "!!" + tag.substring(TAG_PREFIX.length()) : tag;
  }

  static String withArticle(String kind) {
    return ("aeiou".indexOf(kind.charAt(0)) >= 0 ? "an " : "a ") + kind;
  }

  /** Keeps quoted user text short enough for a one-line message. */
  static String abbreviate(String text) {
    return text.length() <= 60 ? text : text.substring(0, 57) + "...";
  }
}
