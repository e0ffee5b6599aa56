package io.asyncws.generator.validate.structure;

import io.asyncws.generator.tree.MappingNode;
import io.asyncws.generator.tree.Node;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * {@code oneOf} and {@code anyOf}. Reporting every branch's failures would bury the one that
 * matters ("missing '$ref'" next to "unknown field 'typoField'"), so this picks the branch the
 * author evidently meant and reports only its failures:
 * <ol>
 *   <li>a mapping with {@code $ref} is a Reference: its target is checked against the other
 *       branches instead (so errors land in the referenced file, at their own positions);
 *   <li>otherwise Reference branches are out, and so are branches of another JSON type or whose
 *       discriminating value ({@code type: apiKey}, {@code action}) differs;
 *   <li>of the rest, the branch that declares most of the node's keys wins, then the one with the
 *       fewest failures.
 * </ol>
 */
final class Alternatives {
  private final Evaluator evaluator;

  Alternatives(Evaluator evaluator) {
    this.evaluator = evaluator;
  }

  void check(Schema owner, List<Schema> branches, boolean exactlyOne, Node node, Where where,
      List<Failure> out) {
    if (node instanceof MappingNode map && map.get("$ref").isPresent()
        && branches.stream().anyMatch(Schema::isReferenceObject)) {
      checkReference(owner, branches, exactlyOne, map, where, out);
      return;
    }
    List<List<Failure>> results = new ArrayList<>();
    List<Schema> passing = new ArrayList<>();
    for (Schema branch : branches) {
      List<Failure> failures = new ArrayList<>();
      evaluator.check(branch, node, where, failures);
      results.add(failures);
      if (failures.isEmpty()) passing.add(branch);
      if (!exactlyOne && !passing.isEmpty()) return; // anyOf: one is enough, the rest cannot matter
    }
    if (passing.size() == 1) return;
    if (passing.size() > 1) { // only oneOf gets here with passing branches
      out.add(new Failure(node.location(), Evaluator.capitalise(where.value()), "fits more than one of "
          + names(passing) + ", but the specification requires exactly one", where.note(),
          Failure.Kind.AMBIGUOUS, where.depth()));
      return;
    }
    out.addAll(best(branches, results, node, where));
  }

  /**
   * A {@code $ref} where the specification allows "Reference or X": the target must be an X.
   * When the target is out of reach, the literal mapping is all there is to judge; under
   * {@code oneOf} it must then not also be a valid X itself, which is how the official schema
   * rejects a {@code $ref} where both a Reference and a Schema (which may carry {@code $ref}) fit.
   */
  private void checkReference(Schema owner, List<Schema> branches, boolean exactlyOne, MappingNode ref,
      Where where, List<Failure> out) {
    Schema reference = branches.stream().filter(Schema::isReferenceObject).findFirst().orElseThrow();
    List<Failure> literal = new ArrayList<>();
    evaluator.check(reference, ref, where, literal);
    if (!literal.isEmpty()) {
      out.addAll(literal); // '$ref: 5' and the like
      return;
    }
    List<Schema> rest = branches.stream().filter(b -> !b.isReferenceObject()).toList();
    if (rest.isEmpty()) return;
    // The target stands where the '$ref' stood: it is checked against the same alternatives.
    if (evaluator.checkTarget(owner, ref, where, out) || !exactlyOne) return;
    List<Schema> alsoFit = rest.stream().filter(b -> evaluator.passes(b, ref, where)).toList();
    if (!alsoFit.isEmpty()) {
      String inline = "inline the definition instead of the '$ref'";
      String hint = where.note() == null ? "its target cannot be checked here; " + inline : where.note() + "; " + inline;
      out.add(new Failure(ref.location(), Evaluator.capitalise(where.value()), "is both a valid Reference and a valid "
          + names(alsoFit).substring(2) + " (a '$ref' object can be either), and the specification's schema requires"
          + " exactly one of them (oneOf), so it rejects this '$ref'", hint, Failure.Kind.AMBIGUOUS, where.depth()));
    }
  }

  private List<Failure> best(List<Schema> branches, List<List<Failure>> results, Node node, Where where) {
    boolean isRef = node instanceof MappingNode m && m.get("$ref").isPresent();
    List<Integer> candidates = new ArrayList<>();
    for (int i = 0; i < branches.size(); i++) {
      if (isRef || !branches.get(i).isReferenceObject()) candidates.add(i);
    }
    if (candidates.isEmpty()) for (int i = 0; i < branches.size(); i++) candidates.add(i);
    List<Integer> rightType = candidates.stream().filter(i -> !typeMismatch(results.get(i), where)).toList();
    if (rightType.isEmpty()) {
      Set<String> expected = new LinkedHashSet<>();
      for (int i : candidates) expected.addAll(types(branches.get(i), 0));
      return List.of(new Failure(node.location(), Evaluator.capitalise(where.value()), "must be "
          + typeWords(List.copyOf(expected)) + ", not " + JsonValues.kindWords(node), null, Failure.Kind.TYPE, where.depth()));
    }
    Comparator<Integer> order = Comparator
        .<Integer>comparingInt(i -> valueMismatch(results.get(i), where) ? 1 : 0)
        .thenComparingInt(i -> -overlap(branches.get(i), node))
        .thenComparingInt(i -> results.get(i).size());
    int chosen = rightType.stream().min(order).orElseThrow();
    return results.get(chosen);
  }

  private static boolean typeMismatch(List<Failure> failures, Where where) {
    return failures.stream().anyMatch(f -> f.kind() == Failure.Kind.TYPE && f.depth() == where.depth());
  }

  /** A wrong value of the node itself or of one of its fields: a discriminator said "not me". */
  private static boolean valueMismatch(List<Failure> failures, Where where) {
    return failures.stream().anyMatch(f -> f.kind() == Failure.Kind.VALUE && f.depth() <= where.depth() + 1);
  }

  /** How many of the node's keys the branch declares: the author's intent, seen from the keys. */
  private static int overlap(Schema branch, Node node) {
    if (!(node instanceof MappingNode map)) return 0;
    Set<String> declared = new HashSet<>();
    declaredKeys(branch, declared, 0);
    return (int) map.keys().stream().filter(declared::contains).count();
  }

  private static void declaredKeys(Schema s, Set<String> into, int depth) {
    if (s == null || depth > 8) return; // bounded: definitions refer to themselves
    Schema r = s.resolved();
    if (r.properties != null) into.addAll(r.properties.keySet());
    if (r.allOf != null) for (Schema part : r.allOf) declaredKeys(part, into, depth + 1);
    if (r.oneOf != null) for (Schema part : r.oneOf) declaredKeys(part, into, depth + 1);
    if (r.anyOf != null) for (Schema part : r.anyOf) declaredKeys(part, into, depth + 1);
  }

  /** The JSON types a branch accepts, looking through refs and nested alternatives. */
  private static Set<String> types(Schema s, int depth) {
    Set<String> out = new LinkedHashSet<>();
    Schema r = s.resolved();
    if (r.types != null) {
      out.addAll(r.types);
    } else if (depth < 8) { // bounded: definitions refer to themselves
      for (List<Schema> parts : Arrays.asList(r.allOf, r.oneOf, r.anyOf)) {
        if (parts != null) for (Schema part : parts) out.addAll(types(part, depth + 1));
      }
    }
    return out;
  }

  /** "a string", "an object or an array". */
  static String typeWords(List<String> types) {
    if (types.isEmpty()) return "something else";
    return types.stream()
        .map(t -> t.equals("null") ? "null" : (t.equals("object") || t.equals("array") || t.equals("integer") ? "an " : "a ") + t)
        .collect(Collectors.joining(" or "));
  }

  /** How a message names a few branches: "a Reference and a Schema", by definition where possible. */
  private static String names(List<Schema> branches) {
    List<String> words = branches.stream().map(b -> {
      Schema r = b.resolved();
      String kind = Labels.kind(r.definitionName);
      return "a " + (kind != null ? kind : r.definitionName != null ? r.definitionName : "form at " + r.pointer);
    }).toList();
    return String.join(" and ", words);
  }
}
