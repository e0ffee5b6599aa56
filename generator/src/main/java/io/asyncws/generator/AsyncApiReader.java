package io.asyncws.generator;

import io.asyncws.generator.bind.AsyncApiBinder;
import io.asyncws.generator.diagnostic.Diagnostics;
import io.asyncws.generator.link.Linker;
import io.asyncws.generator.link.RefResolver;
import io.asyncws.generator.load.LoadLimits;
import io.asyncws.generator.model.ApiModel;
import io.asyncws.generator.resolve.DocumentSet;
import io.asyncws.generator.resolve.ResolveOptions;
import io.asyncws.generator.tree.MappingNode;
import io.asyncws.generator.tree.Node;
import io.asyncws.generator.validate.semantic.SemanticValidator;
import io.asyncws.generator.validate.structure.StructureValidator;
import java.nio.file.Path;
import java.util.Optional;

/**
 * Reads an AsyncAPI 2.0-3.1 document into a validated {@link ApiModel}, in named phases: load →
 * resolve {@code $ref}s → structure validation → bind to asyncapi-core → link → semantic
 * validation. Every phase that can still run does, so one run reports every problem; the model
 * comes out only when there is no error.
 *
 * <pre>{@code
 * ReadResult result = AsyncApiReader.read(Path.of("asyncapi.yaml"), AsyncApiReader.Options.defaults());
 * result.diagnostics().forEach(System.err::println);
 * ApiModel model = result.model().orElseThrow();
 * }</pre>
 */
public final class AsyncApiReader {
  private static final java.util.logging.Logger LOG =
      java.util.logging.Logger.getLogger(AsyncApiReader.class.getName());

  private AsyncApiReader() {}

  /**
   * How to read.
   *
   * @param allowRemoteRefs whether {@code http(s)} {@code $ref}s are fetched (off by default:
   *     builds stay reproducible and offline)
   * @param limits the loader's guards against hostile input
   */
  public record Options(boolean allowRemoteRefs, LoadLimits limits) {

    /** Strict defaults: no remote refs, default load limits. */
    public static Options defaults() {
      return new Options(false, LoadLimits.defaults());
    }

    /** These options with remote refs allowed or not. */
    public Options withAllowRemoteRefs(boolean allow) {
      return new Options(allow, limits);
    }

    /** These options with other load limits. */
    public Options withLimits(LoadLimits newLimits) {
      return new Options(allowRemoteRefs, newLimits);
    }
  }

  /** Reads the document at {@code file} (and every file it references). */
  public static ReadResult read(Path file, Options options) {
    Diagnostics diagnostics = new Diagnostics();
    ResolveOptions resolveOptions = ResolveOptions.defaults()
        .withAllowRemoteRefs(options.allowRemoteRefs())
        .withLoadLimits(options.limits());
    DocumentSet documents = DocumentSet.open(file, resolveOptions, diagnostics);
    Optional<Node> root = documents.root();
    if (root.isEmpty()) return new ReadResult(file, Optional.empty(), diagnostics.sorted());

    documents.resolveAll();
    StructureValidator.validateDocument(root.get(), documents::deref, diagnostics);
    if (!(root.get() instanceof MappingNode rootMap)) {
      return new ReadResult(file, Optional.empty(), diagnostics.sorted());
    }
    // A structurally broken document would give the library and the linker shapes they were
    // never meant to see; their reports would only repeat the structural ones.
    boolean structurallyValid = !diagnostics.hasErrors();
    if (structurallyValid) bindQuietly(rootMap);

    RefResolver refs = new RefResolver() {
      @Override
      public boolean isRef(Node node) {
        return documents.isRef(node);
      }

      @Override
      public Optional<Node> deref(Node node) {
        return documents.deref(node);
      }
    };
    ApiModel model = Linker.link(rootMap, refs, diagnostics);
    SemanticValidator.validate(model, diagnostics);
    boolean valid = !diagnostics.hasErrors();
    return new ReadResult(file, valid ? Optional.of(model) : Optional.empty(), diagnostics.sorted());
  }

  /**
   * Binds to asyncapi-core as a second reading of the document. What the library cannot read
   * (keywords such as {@code nullable}, bindings of other versions) is its limit, not the user's
   * mistake — the document already passed the specification's own schema — so it goes to the
   * log at FINE, never to the user's diagnostics.
   */
  private static void bindQuietly(MappingNode root) {
    Diagnostics libraryLimits = new Diagnostics();
    AsyncApiBinder.bind(root, libraryLimits);
    for (var limit : libraryLimits.sorted()) LOG.fine(() -> "asyncapi-core: " + limit);
  }
}
