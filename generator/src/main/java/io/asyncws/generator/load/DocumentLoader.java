package io.asyncws.generator.load;

import io.asyncws.generator.diagnostic.Diagnostics;
import io.asyncws.generator.tree.MappingNode;
import io.asyncws.generator.tree.Node;
import io.asyncws.generator.tree.ScalarNode;
import io.asyncws.generator.tree.SourceLocation;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Optional;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.error.Mark;
import org.yaml.snakeyaml.error.MarkedYAMLException;
import org.yaml.snakeyaml.parser.ParserImpl;
import org.yaml.snakeyaml.reader.StreamReader;

/**
 * Reads a YAML or JSON document into the positioned tree ({@link Node}), within {@link
 * LoadLimits}. JSON goes through the YAML parser too: it is (near enough) a subset of YAML, and one
 * path means one set of positions and one set of guards.
 *
 * <p>Scalars are typed by the YAML 1.2 core schema, as JSON would type them: {@code on}, {@code
 * yes} and {@code 1_000} are strings. Quoted scalars are always strings; keys are always their
 * text as written. Aliases resolve to their anchor's node (and position); {@code <<} merge keys
 * are applied, keys written in the mapping winning over merged ones.
 *
 * <p>Every problem ends up in the {@link Diagnostics} with a position: syntax errors, non-UTF-8
 * bytes, duplicate keys, bombs. Nothing is thrown for any input, not even a bug in snakeyaml.
 * Instances are immutable and may be shared between threads.
 */
public final class DocumentLoader {

  static {
    JsonCompatibility.install();
  }

  private final LoadLimits limits;

  /** A loader with {@link LoadLimits#defaults()}. */
  public DocumentLoader() {
    this(LoadLimits.defaults());
  }

  /** A loader with the given limits. */
  public DocumentLoader(LoadLimits limits) {
    this.limits = limits;
  }

  /** The limits this loader enforces. */
  public LoadLimits limits() {
    return limits;
  }

  /**
   * Loads a document whose root must be an object (a mapping), as an AsyncAPI document's is.
   *
   * @param file the file to read; diagnostics name it as given
   * @param diagnostics where problems go
   * @return the root mapping, or empty when the file could not be read into a tree; a tree may be
   *     returned with errors beside it (a duplicate key keeps its first value)
   */
  public Optional<Node> load(Path file, Diagnostics diagnostics) {
    return read(file, diagnostics).flatMap(bytes -> load(file, bytes, diagnostics));
  }

  /**
   * Loads a document from bytes already in memory (a test, or a body fetched over the network).
   *
   * @param displayName the name diagnostics give the document
   * @param content the document's bytes, UTF-8
   * @param diagnostics where problems go
   * @return the root mapping, or empty when the bytes could not be read into a tree
   */
  public Optional<Node> load(Path displayName, byte[] content, Diagnostics diagnostics) {
    return loadAnyRoot(displayName, content, diagnostics)
        .filter(root -> requireMapping(root, diagnostics));
  }

  /**
   * Loads a file whose root may be any value: the target of a {@code $ref} to a whole file can be a
   * schema, which JSON Schema also allows to be {@code true} or {@code false}.
   */
  public Optional<Node> loadAnyRoot(Path file, Diagnostics diagnostics) {
    return read(file, diagnostics).flatMap(bytes -> loadAnyRoot(file, bytes, diagnostics));
  }

  /** Loads bytes whose root may be any value; see {@link #loadAnyRoot(Path, Diagnostics)}. */
  public Optional<Node> loadAnyRoot(Path displayName, byte[] content, Diagnostics diagnostics) {
    SourceLocation start = new SourceLocation(displayName, 1, 1);
    if (content.length > limits.maxDocumentBytes()) {
      diagnostics.error(start, tooLarge(content.length), SIZE_HINT);
      return Optional.empty();
    }
    try {
      String text = SourceText.decode(displayName, content);
      Optional<Node> root = compose(displayName, text, diagnostics);
      if (root.isEmpty() || isEmptyDocument(root.get())) {
        diagnostics.error(
            start, "The document is empty.", "a document needs at least 'asyncapi' and 'info'");
        return Optional.empty();
      }
      return root;
    } catch (LoadFailure e) {
      diagnostics.error(e.location(), e.getMessage(), e.hint());
    } catch (MarkedYAMLException e) {
      diagnostics.add(SyntaxErrors.toDiagnostic(displayName, e));
    } catch (RuntimeException | StackOverflowError e) {
      // A bug in snakeyaml or here must still come out as a diagnostic, never as a stack trace.
      diagnostics.error(
          start,
          "The document could not be read: " + e.getClass().getSimpleName()
              + (e.getMessage() == null ? "" : ": " + TreeComposer.abbreviate(e.getMessage()))
              + ".",
          "this is a bug in asyncws or in snakeyaml; please report it with the document");
    }
    return Optional.empty();
  }

  /** Our 1-based position of a snakeyaml mark, which counts lines and columns from 0. */
  static SourceLocation location(Path file, Mark mark) {
    return new SourceLocation(file, mark.getLine() + 1, mark.getColumn() + 1);
  }

  private Optional<Node> compose(Path file, String text, Diagnostics diagnostics) {
    LoaderOptions options = new LoaderOptions();
    // Our own limits come first; snakeyaml's must never fire before them.
    options.setCodePointLimit(Integer.MAX_VALUE);
    options.setProcessComments(false);
    ParserImpl parser = new ParserImpl(new StreamReader(JsonCompatibility.untab(text)), options);
    return new TreeComposer(file, limits, parser, diagnostics).composeSingleDocument();
  }

  private static final String SIZE_HINT = "raise the document size limit if the file is genuine";

  private String tooLarge(long size) {
    return "The file is " + size + " bytes, more than the limit of " + limits.maxDocumentBytes()
        + " bytes.";
  }

  /**
   * The file's bytes, read at most one byte past the limit: the size the file system reports is
   * not trusted, because pipes and devices report 0 and files can grow while being read.
   */
  private Optional<byte[]> read(Path file, Diagnostics diagnostics) {
    SourceLocation start = new SourceLocation(file, 1, 1);
    try (InputStream in = Files.newInputStream(file)) {
      int readLimit = (int) Math.min((long) limits.maxDocumentBytes() + 1, Integer.MAX_VALUE - 8);
      byte[] bytes = in.readNBytes(readLimit);
      if (bytes.length > limits.maxDocumentBytes()) {
        long size = Files.isRegularFile(file) ? Files.size(file) : bytes.length;
        diagnostics.error(start, tooLarge(size), SIZE_HINT);
        return Optional.empty();
      }
      return Optional.of(bytes);
    } catch (NoSuchFileException e) {
      diagnostics.error(start, "The file does not exist.");
    } catch (IOException | RuntimeException e) {
      diagnostics.error(
          start,
          "The file could not be read: "
              + (e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage())
              + ".");
    }
    return Optional.empty();
  }

  private static boolean isEmptyDocument(Node root) {
    // A document of only comments, or only '---', parses as one empty plain scalar.
    return root instanceof ScalarNode && ((ScalarNode) root).isNull();
  }

  private static boolean requireMapping(Node root, Diagnostics diagnostics) {
    if (root instanceof MappingNode) return true;
    diagnostics.error(
        root.location(),
        "The document has " + TreeComposer.withArticle(root.kindName())
            + " at its root, but an AsyncAPI document is an object.",
        "start the file with 'asyncapi: 3.0.0'");
    return false;
  }
}
