package io.asyncws.generator.validate.structure;

import io.asyncws.generator.diagnostic.Diagnostics;
import io.asyncws.generator.tree.MappingNode;
import io.asyncws.generator.tree.Node;
import io.asyncws.generator.tree.ScalarNode;
import io.asyncws.generator.tree.SourceLocation;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Optional;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

/**
 * Structural validation of an AsyncAPI document against the official JSON Schema of its version
 * (2.0.0–2.6.0, 3.0.0, 3.1.0): required fields, types, fields the specification does not allow,
 * enums and patterns, bindings included. Each problem becomes one diagnostic at its own line and
 * column, e.g. {@code asyncapi.yaml:4:19: error: unknown field 'typoField' in Channel 'c'
 * (allowed: address, messages, ...) (did you mean 'title'?)}.
 *
 * <pre>{@code
 * StructureValidator.forVersion(version).validate(root, documents::deref, diagnostics);
 * }</pre>
 *
 * <p>The compiled specification schema is shared and immutable, so instances are thread-safe;
 * each {@link #validate} call keeps its own state.
 */
public final class StructureValidator {
  private final String version;
  private final Schema schema;

  private StructureValidator(String version, Schema schema) {
    this.version = version;
    this.schema = schema;
  }

  /** The versions this validator has a specification schema for, oldest first. */
  public static List<String> supportedVersions() {
    return SpecSchemas.VERSIONS;
  }

  /**
   * A validator for documents that declare {@code asyncapi: version}; empty when the version is not
   * supported (see {@link #validateDocument(Node, Function, Diagnostics)} for the error a user then
   * sees).
   */
  public static Optional<StructureValidator> forVersion(String version) {
    if (!SpecSchemas.VERSIONS.contains(version)) return Optional.empty();
    return Optional.of(new StructureValidator(version, SpecSchemas.forVersion(version)));
  }

  /**
   * Validates {@code root} against the schema of the version its {@code asyncapi} field names.
   * A missing or unsupported version is one error at that field (or at the document's start);
   * nothing else is checked then, because every other message would depend on the version.
   *
   * @param root the document's top node
   * @param deref what a {@code $ref} mapping points at; empty for refs out of reach (remote, or
   *     dangling, which the resolver reports)
   * @param diagnostics where errors go
   */
  public static void validateDocument(Node root, Function<Node, Optional<Node>> deref, Diagnostics diagnostics) {
    Optional<Node> field = root instanceof MappingNode map ? map.get("asyncapi") : Optional.empty();
    if (field.isEmpty() || !(field.get() instanceof ScalarNode s) || !s.isString()) {
      SourceLocation at = field.map(Node::location).orElse(root.location());
      if (field.isEmpty()) {
        diagnostics.error(at, "The document has no 'asyncapi' field, so its AsyncAPI version is unknown",
            "add 'asyncapi: 3.0.0' (or the version the document follows) as its first line");
      } else {
        diagnostics.error(at, "The 'asyncapi' field must be a version string such as '3.0.0'",
            "write the full version, e.g. asyncapi: 3.0.0");
      }
      return;
    }
    String version = s.text();
    Optional<StructureValidator> validator = forVersion(version);
    if (validator.isEmpty()) {
      // '3.0' for '3.0.0' is the usual slip; the newest patch of that minor version is meant.
      String meant = SpecSchemas.VERSIONS.stream().filter(v -> v.startsWith(version + ".")).reduce((a, b) -> b).orElse(null);
      String message = "AsyncAPI version '" + version + "' is not supported; supported: "
          + String.join(", ", SpecSchemas.VERSIONS);
      if (meant == null) {
        diagnostics.error(s.location(), message);
      } else {
        diagnostics.error(s.location(), message, "did you mean '" + meant + "'?");
      }
      return;
    }
    validator.get().validate(root, deref, diagnostics);
  }

  /** The version this validator checks against. */
  public String version() {
    return version;
  }

  /**
   * Adds an error to {@code diagnostics} for every structural problem of the document.
   *
   * @param root the document's top node
   * @param deref what a {@code $ref} mapping points at; empty for refs out of reach
   * @param diagnostics where errors go
   */
  public void validate(Node root, Function<Node, Optional<Node>> deref, Diagnostics diagnostics) {
    List<Failure> failures = new ArrayList<>();
    new Evaluator(deref).check(schema, root, Where.root(), failures);
    // One report per problem (see Failure.identity): of the descriptions, the shortest is the most
    // specific ("must be 'object'" beats "must be one of 'array', 'boolean', ...") and the least
    // nested ("Message 'book'" beats "'subscribe.message' in Channel 'books'").
    // A field both missing and misspelt ('vresion' for 'version') is one problem: the unknown
    // field's "did you mean 'version'?" says all that "missing 'version'" would.
    Set<String> misspelt = new HashSet<>();
    for (Failure f : failures) {
      if (f.kind() == Failure.Kind.UNKNOWN_FIELD && f.field() != null) misspelt.add(f.object() + "|" + f.field());
    }
    failures.removeIf(f -> f.kind() == Failure.Kind.REQUIRED && misspelt.contains(f.object() + "|" + f.field()));
    Map<String, Failure> byProblem = new LinkedHashMap<>();
    for (Failure f : failures) {
      byProblem.merge(f.identity(), f, (a, b) -> b.message().length() < a.message().length() ? b : a);
    }
    byProblem.values().stream().sorted(Comparator.comparing(Failure::location)).forEach(f -> {
      if (f.hint() == null) {
        diagnostics.error(f.location(), f.message());
      } else {
        diagnostics.error(f.location(), f.message(), f.hint());
      }
    });
  }
}
