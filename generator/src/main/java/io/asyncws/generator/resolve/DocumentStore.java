package io.asyncws.generator.resolve;

import io.asyncws.generator.diagnostic.Diagnostics;
import io.asyncws.generator.load.DocumentLoader;
import io.asyncws.generator.tree.Node;
import io.asyncws.generator.tree.SourceLocation;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Loads each document of a set once, by its normalized absolute address, and knows which document
 * a node came from (by the file name its location carries). Problems that belong to a ref (missing
 * file, too many documents, remote refs not allowed) are reported at the ref.
 */
final class DocumentStore {

  /**
   * A loaded document: its identity, the name diagnostics give it, and its tree if it loaded.
   *
   * @param failure why there is no tree if the document was never read (a failed fetch), null if
   *     it was read: then its own errors say why
   */
  record Document(URI id, Path displayName, boolean remote, Optional<Node> root, String failure) {

    /** How messages name the document: its URL if remote, its file name otherwise. */
    String name() {
      return remote ? id.toString() : displayName.toString();
    }
  }

  private final ResolveOptions options;
  private final Diagnostics diagnostics;
  private final DocumentLoader loader;
  private final RemoteFetcher fetcher;
  private final Map<URI, Document> byId = new HashMap<>();
  private final Map<Path, Document> byDisplayName = new HashMap<>();

  DocumentStore(ResolveOptions options, Diagnostics diagnostics) {
    this.options = options;
    this.diagnostics = diagnostics;
    this.loader = new DocumentLoader(options.loadLimits());
    this.fetcher =
        new RemoteFetcher(options.remoteTimeout(), options.loadLimits().maxDocumentBytes());
  }

  /** Loads the root document, which must be an object; its location names it as the user did. */
  Document openRoot(Path file) {
    return registerRoot(file, loader.load(file, diagnostics));
  }

  /** Loads the root document from bytes that stand for the file {@code displayName}. */
  Document openRoot(Path displayName, byte[] content) {
    return registerRoot(displayName, loader.load(displayName, content, diagnostics));
  }

  private Document registerRoot(Path file, Optional<Node> root) {
    Document document = new Document(idOf(file), file, false, root, null);
    register(document);
    return document;
  }

  /** The document a node belongs to, if it came from this store. */
  Optional<Document> documentOf(Node node) {
    return Optional.ofNullable(byDisplayName.get(node.location().file()));
  }

  /** Every document loaded so far, by identity. */
  Map<URI, Document> documents() {
    return byId;
  }

  /**
   * The local file a ref names, loaded on first use.
   *
   * @param file the file as the ref reached it, relative to where the root was named
   * @param ref the ref's own text and location, for errors
   */
  Optional<Document> file(Path file, String ref, SourceLocation at) {
    URI id = idOf(file);
    Document known = byId.get(id);
    if (known != null) return Optional.of(known);
    if (!Files.exists(file)) {
      diagnostics.error(
          at,
          "The $ref '" + ref + "' points to the file '" + file + "', which does not exist.",
          "check the path: it is relative to the file that contains the $ref");
      return Optional.empty();
    }
    if (!Files.isRegularFile(file)) {
      diagnostics.error(
          at, "The $ref '" + ref + "' points to '" + file + "', which is not a regular file.");
      return Optional.empty();
    }
    if (!roomForOneMore(ref, at)) return Optional.empty();
    Document document =
        new Document(id, file, false, loader.loadAnyRoot(file, diagnostics), null);
    register(document);
    return Optional.of(document);
  }

  /** The remote document a ref names, fetched on first use if remote refs are allowed. */
  Optional<Document> remote(URI uri, String ref, SourceLocation at) {
    Document known = byId.get(uri);
    if (known != null) return Optional.of(known);
    if (!options.allowRemoteRefs()) {
      diagnostics.error(
          at,
          "The $ref '" + ref + "' points to a remote document"
              + (ref.startsWith(uri.toString()) ? "" : " ('" + uri + "')")
              + ", which is not fetched unless remote refs are allowed.",
          "allow them with " + ResolveOptions.ALLOW_REMOTE_REFS_FLAG
              + " (builds then depend on the network), or copy the document next to this one");
      return Optional.empty();
    }
    if (!roomForOneMore(ref, at)) return Optional.empty();
    RemoteFetcher.Result fetched = fetcher.fetch(uri);
    // Diagnostics inside a remote document carry its URL as their file name.
    Path displayName = Path.of(uri.toString());
    if (fetched.problem() != null) {
      diagnostics.error(
          at, "The $ref '" + ref + "' points to '" + uri + "', but " + fetched.problem() + ".");
      // Remembered, so that other refs to it say so without fetching again.
      register(new Document(uri, displayName, true, Optional.empty(), fetched.problem()));
      return Optional.empty();
    }
    Optional<Node> root = loader.loadAnyRoot(displayName, fetched.body(), diagnostics);
    Document document = new Document(uri, displayName, true, root, null);
    register(document);
    return Optional.of(document);
  }

  private boolean roomForOneMore(String ref, SourceLocation at) {
    if (byId.size() < options.maxDocuments()) return true;
    diagnostics.error(
        at,
        "The $ref '" + ref + "' would load document number " + (byId.size() + 1)
            + ", more than the limit of " + options.maxDocuments() + ".",
        "raise the document limit if the API is really split into so many files");
    return false;
  }

  private void register(Document document) {
    byId.put(document.id(), document);
    // Two documents with one display name would confuse documentOf; the first keeps the name.
    byDisplayName.putIfAbsent(document.displayName(), document);
  }

  private static URI idOf(Path file) {
    return file.toAbsolutePath().normalize().toUri();
  }
}
