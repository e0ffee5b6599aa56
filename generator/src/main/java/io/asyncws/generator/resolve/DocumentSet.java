package io.asyncws.generator.resolve;

import io.asyncws.generator.diagnostic.Diagnostics;
import io.asyncws.generator.resolve.DocumentStore.Document;
import io.asyncws.generator.tree.MappingNode;
import io.asyncws.generator.tree.Node;
import io.asyncws.generator.tree.ScalarNode;
import io.asyncws.generator.tree.SequenceNode;
import io.asyncws.generator.tree.SourceLocation;
import java.net.URI;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Deque;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * A root document and every document its {@code $ref}s reach, loaded once each.
 *
 * <p>A {@code $ref} is a mapping whose {@code $ref} value is a string. It may point into the same
 * document ({@code #/components/schemas/User}), into a local file relative to the document that
 * contains it ({@code ../common/messages.yaml#/likeComment}), at a whole file ({@code
 * ./refs-2.yaml}), or at an http(s) URL, fetched only if {@link
 * ResolveOptions#allowRemoteRefs()}. Pointers may walk through arrays ({@code /items/0}) and
 * through other refs on the way. Keys beside {@code $ref} are ignored, as AsyncAPI says.
 *
 * <p>Nothing is copied and nothing recurses forever: {@link #deref} returns the target node
 * itself, so a circular schema stays a graph; a chain of refs that comes back to itself without
 * reaching a value is an error. Each ref's problems are reported once, at the location of its
 * {@code $ref} value, however often it is dereferenced.
 *
 * <p>Not thread-safe: one per run, like the {@link Diagnostics} it reports to.
 */
public final class DocumentSet {

  /**
   * Refs followed inside one another at once, counting pointer walks through refs: real documents
   * chain two or three; this bounds the recursion of a crafted chain.
   */
  static final int MAX_NESTED_REFS = 64;

  private static final String REF = "$ref";

  private final Diagnostics diagnostics;
  private final DocumentStore store;
  private final Document rootDocument;

  /** Each ref mapping resolved so far (by identity), with its outcome. */
  private final Map<MappingNode, Optional<Resolution>> resolved = new IdentityHashMap<>();
  /** Refs being resolved right now, innermost last: a ref met again here is a cycle. */
  private final List<MappingNode> inProgress = new ArrayList<>();
  /** Refs found to be part of a cycle, each with all the members of its cycle in order. */
  private final Map<MappingNode, List<MappingNode>> cycles = new IdentityHashMap<>();

  private record Resolution(RefTarget target, Node node) {}

  private DocumentSet(Diagnostics diagnostics, DocumentStore store, Document rootDocument) {
    this.diagnostics = diagnostics;
    this.store = store;
    this.rootDocument = rootDocument;
  }

  /**
   * Loads the root document. Referenced documents are loaded when a ref first needs them; call
   * {@link #resolveAll()} to load and check all of them at once.
   *
   * @param root the root document, named as the user named it (diagnostics repeat the name, and
   *     the names of referenced files are built relative to it)
   * @param options remote refs, limits
   * @param diagnostics where every problem goes
   */
  public static DocumentSet open(Path root, ResolveOptions options, Diagnostics diagnostics) {
    DocumentStore store = new DocumentStore(options, diagnostics);
    return new DocumentSet(diagnostics, store, store.openRoot(root));
  }

  /**
   * Like {@link #open(Path, ResolveOptions, Diagnostics)}, with the root document's content given
   * rather than read: for a document edited in memory (tests that break a corpus document on
   * purpose, an editor's unsaved buffer). Relative refs are still read from disk, relative to
   * {@code root}.
   */
  public static DocumentSet open(
      Path root, byte[] content, ResolveOptions options, Diagnostics diagnostics) {
    DocumentStore store = new DocumentStore(options, diagnostics);
    return new DocumentSet(diagnostics, store, store.openRoot(root, content));
  }

  /** The root document's tree, empty if it could not be loaded. */
  public Optional<Node> root() {
    return rootDocument.root();
  }

  /** The root document's file as the user named it. */
  public Path rootFile() {
    return rootDocument.displayName();
  }

  /** The identities of every document loaded so far (root included), sorted. */
  public List<URI> documents() {
    return store.documents().keySet().stream().sorted().collect(Collectors.toList());
  }

  /** Whether {@code node} is a reference: a mapping with a string {@code $ref}. */
  public boolean isRef(Node node) {
    return refText(node).isPresent();
  }

  /** The {@code $ref} string of a reference, empty for any other node. */
  public Optional<String> refText(Node node) {
    if (!(node instanceof MappingNode)) return Optional.empty();
    return ((MappingNode) node)
        .get(REF)
        .filter(value -> value instanceof ScalarNode && ((ScalarNode) value).isString())
        .map(value -> (String) ((ScalarNode) value).value());
  }

  /**
   * The node a reference leads to, following chains of refs; any other node itself. Empty if the
   * ref cannot be resolved (the reason is reported, once, at the ref).
   */
  public Optional<Node> deref(Node node) {
    if (!isRef(node)) return Optional.of(node);
    return resolve((MappingNode) node).map(Resolution::node);
  }

  /**
   * Where a reference finally leads, as a stable key: refs that reach the same node have equal
   * targets. Empty for a node that is not a ref or a ref that cannot be resolved.
   */
  public Optional<RefTarget> target(Node refNode) {
    if (!isRef(refNode)) return Optional.empty();
    return resolve((MappingNode) refNode).map(Resolution::target);
  }

  /**
   * Resolves every ref reachable from the root, inside referenced documents too, reporting each
   * missing file, missing pointer, disallowed remote ref and cycle. Keys beside a {@code $ref} get
   * a warning, since they are ignored.
   */
  public void resolveAll() {
    if (root().isEmpty()) return;
    Set<Node> seen = Collections.newSetFromMap(new IdentityHashMap<>());
    Deque<Node> pending = new ArrayDeque<>();
    pending.push(root().get());
    while (!pending.isEmpty()) {
      Node node = pending.pop();
      if (!seen.add(node)) continue;
      if (isRef(node)) {
        warnAboutSiblings((MappingNode) node);
        deref(node).ifPresent(pending::push);
      } else if (node instanceof MappingNode) {
        List<Node> children = new ArrayList<>();
        ((MappingNode) node).entries().values().forEach(entry -> children.add(entry.value()));
        pushInDocumentOrder(pending, children);
      } else if (node instanceof SequenceNode) {
        pushInDocumentOrder(pending, ((SequenceNode) node).items());
      }
    }
  }

  /** Pushes children last first, so that they are visited, and reported, in document order. */
  private static void pushInDocumentOrder(Deque<Node> pending, List<Node> children) {
    for (int i = children.size() - 1; i >= 0; i--) {
      pending.push(children.get(i));
    }
  }

  private void warnAboutSiblings(MappingNode ref) {
    for (MappingNode.Entry entry : ref.entries().values()) {
      if (!entry.key().equals(REF)) {
        diagnostics.warning(
            entry.keyLocation(),
            "The key '" + entry.key() + "' beside '$ref' is ignored: a reference takes its"
                + " content from its target only.");
      }
    }
  }

  private Optional<Resolution> resolve(MappingNode ref) {
    Optional<Resolution> known = resolved.get(ref);
    if (known != null) return known;
    int onStack = indexInProgress(ref);
    if (onStack >= 0) {
      markCycle(onStack);
      return Optional.empty();
    }
    if (inProgress.size() >= MAX_NESTED_REFS) {
      diagnostics.error(
          refLocation(ref),
          "The $ref '" + refText(ref).orElseThrow() + "' is reached through more than "
              + MAX_NESTED_REFS + " refs inside one another.");
      return Optional.empty();
    }
    inProgress.add(ref);
    Optional<Resolution> outcome;
    try {
      outcome = follow(ref);
    } finally {
      inProgress.remove(inProgress.size() - 1);
    }
    List<MappingNode> cycle = cycles.get(ref);
    if (cycle != null) {
      diagnostics.error(
          refLocation(ref),
          "The $ref '" + refText(ref).orElseThrow() + "' is part of a cycle of refs that never"
              + " reaches a value: " + describeCycle(cycle, ref) + ".",
          "point one of these refs at an actual definition");
      outcome = Optional.empty();
    }
    resolved.put(ref, outcome);
    return outcome;
  }

  private int indexInProgress(MappingNode ref) {
    for (int i = 0; i < inProgress.size(); i++) {
      if (inProgress.get(i) == ref) return i;
    }
    return -1;
  }

  /** Marks the refs from {@code start} to the innermost as one cycle. */
  private void markCycle(int start) {
    List<MappingNode> members = List.copyOf(inProgress.subList(start, inProgress.size()));
    for (MappingNode member : members) {
      cycles.putIfAbsent(member, members);
    }
  }

  /** The cycle as its refs' texts, starting from {@code from}: {@code '#/b' -> '#/a' -> '#/b'}. */
  private String describeCycle(List<MappingNode> members, MappingNode from) {
    int start = 0;
    while (members.get(start) != from) start++;
    StringBuilder path = new StringBuilder();
    for (int i = 0; i <= members.size(); i++) {
      MappingNode member = members.get((start + i) % members.size());
      path.append(i == 0 ? "'" : " -> '").append(refText(member).orElseThrow()).append('\'');
    }
    return path.toString();
  }

  /** One step: from a ref to the node its text names, then on through any further refs. */
  private Optional<Resolution> follow(MappingNode ref) {
    String text = refText(ref).orElseThrow();
    SourceLocation at = refLocation(ref);
    Document base = store.documentOf(ref).orElse(rootDocument);
    RefAddress.Parsed parsed =
        RefAddress.parse(text, base.displayName(), base.remote() ? base.id() : null);
    if (parsed.problem() != null) {
      diagnostics.error(
          at, "The $ref '" + text + "' cannot be followed: " + parsed.problem() + ".");
      return Optional.empty();
    }
    RefAddress address = parsed.address();
    JsonPointer.Parsed pointer = JsonPointer.parseFragment(address.fragment());
    if (pointer.problem() != null) {
      diagnostics.error(
          at, "The $ref '" + text + "' cannot be followed: " + pointer.problem() + ".");
      return Optional.empty();
    }
    Optional<Document> target;
    if (address.sameDocument()) {
      target = Optional.of(base);
    } else if (address.remote() != null) {
      target = store.remote(address.remote(), text, at);
    } else {
      target = store.file(address.file(), text, at);
    }
    if (target.isEmpty()) return Optional.empty();
    if (target.get().root().isEmpty()) {
      String why =
          target.get().failure() != null
              ? "but " + target.get().failure()
              : "which could not be read (see the errors reported in it)";
      diagnostics.error(
          at, "The $ref '" + text + "' points into '" + target.get().name() + "', " + why + ".");
      return Optional.empty();
    }
    return walk(target.get(), pointer.tokens(), text, at);
  }

  /**
   * Walks a pointer's tokens from a document's root. A ref met on the way is followed first, so
   * {@code #/components/messages/a/payload} works when message {@code a} is itself a ref; the
   * target then names where the node really is.
   */
  private Optional<Resolution> walk(
      Document document, List<String> tokens, String text, SourceLocation at) {
    Node node = document.root().orElseThrow();
    URI documentId = document.id();
    List<String> path = new ArrayList<>();
    for (int i = 0; i <= tokens.size(); i++) {
      if (isRef(node)) {
        Optional<Resolution> through = resolve((MappingNode) node);
        if (through.isEmpty()) return Optional.empty(); // reported at that ref
        node = through.get().node();
        documentId = through.get().target().document();
        path = new ArrayList<>(through.get().target().tokens());
      }
      if (i == tokens.size()) break;
      String token = tokens.get(i);
      Optional<Node> child = child(node, token);
      if (child.isEmpty()) {
        reportMissing(text, at, document, tokens.subList(0, i), token, node);
        return Optional.empty();
      }
      path.add(token);
      node = child.get();
    }
    return Optional.of(new Resolution(new RefTarget(documentId, JsonPointer.format(path)), node));
  }

  private static Optional<Node> child(Node node, String token) {
    if (node instanceof MappingNode) return ((MappingNode) node).get(token);
    if (node instanceof SequenceNode) {
      List<Node> items = ((SequenceNode) node).items();
      int index = JsonPointer.arrayIndex(token);
      return index >= 0 && index < items.size() ? Optional.of(items.get(index)) : Optional.empty();
    }
    return Optional.empty();
  }

  private void reportMissing(
      String text,
      SourceLocation at,
      Document document,
      List<String> parent,
      String token,
      Node node) {
    String where = parent.isEmpty() ? "the root" : "'#" + JsonPointer.format(parent) + "'";
    String inFile = text.startsWith("#") ? "" : " of '" + document.name() + "'";
    String message;
    if (node instanceof ScalarNode) {
      message = "The $ref '" + text + "' points to nothing: " + where + inFile + " is "
          + node.kindName() + ", which has no '" + token + "'.";
    } else if (node instanceof SequenceNode) {
      message = "The $ref '" + text + "' points to nothing: " + where + inFile + " is an array of "
          + ((SequenceNode) node).items().size() + " items, which has no item '" + token + "'.";
    } else {
      message = "The $ref '" + text + "' points to nothing: " + where + inFile + " has no '"
          + token + "'.";
    }
    String hint =
        node instanceof MappingNode
            ? Suggestions.closest(token, ((MappingNode) node).keys())
                .map(key -> "did you mean '" + key + "'?")
                .orElse(null)
            : null;
    diagnostics.error(at, message, hint);
  }

  /** Where a ref's {@code $ref} value stands: the text that is wrong if it cannot be resolved. */
  private static SourceLocation refLocation(MappingNode ref) {
    return ref.get(REF).map(Node::location).orElse(ref.location());
  }
}
