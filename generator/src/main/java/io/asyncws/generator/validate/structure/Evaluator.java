package io.asyncws.generator.validate.structure;

import io.asyncws.generator.tree.MappingNode;
import io.asyncws.generator.tree.Node;
import io.asyncws.generator.tree.ScalarNode;
import io.asyncws.generator.tree.SequenceNode;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Checks document nodes against compiled spec {@link Schema}s: the draft-07 keywords the official
 * AsyncAPI schemas use, over our positioned tree so every failure has a line and column.
 * Alternatives ({@code oneOf}/{@code anyOf}) are judged by {@link Alternatives}.
 *
 * <p>One instance per validation run: it remembers which {@code $ref} targets it has checked.
 */
final class Evaluator {
  private final Function<Node, Optional<Node>> deref;
  private final Alternatives alternatives = new Alternatives(this);
  /** (target, schema) pairs being checked right now: meeting one again is a cycle, stop there. */
  private final Set<Visit> inProgress = new HashSet<>();
  /** Finished (target, schema) checks: a message referenced from ten channels is checked once. */
  private final Map<Visit, List<Failure>> done = new HashMap<>();
  /**
   * (node, schema) pairs known to pass. Whether a node passes does not depend on where it was
   * reached from, only the wording of failures does; and the spec schemas check the same node
   * many times (a Schema is checked by the draft-07 meta-schema and again by AsyncAPI's
   * additions, which recurse into the meta-schema too), so this turns quadratic walks linear.
   */
  private final Set<Visit> passed = new HashSet<>();

  Evaluator(Function<Node, Optional<Node>> deref) {
    this.deref = deref;
  }

  /** A node and a schema, compared by identity: equal trees in two places are two visits. */
  private record Visit(Node node, Schema schema) {
    @Override
    public boolean equals(Object o) {
      return o instanceof Visit v && v.node == node && v.schema == schema;
    }

    @Override
    public int hashCode() {
      return System.identityHashCode(node) * 31 + System.identityHashCode(schema);
    }
  }

  /** Adds to {@code out} every way {@code node} fails {@code schema}. */
  void check(Schema schema, Node node, Where where, List<Failure> out) {
    Visit visit = new Visit(node, schema);
    if (passed.contains(visit)) return;
    int before = out.size();
    checkKeywords(schema, node, where, out);
    if (out.size() == before) passed.add(visit);
  }

  private void checkKeywords(Schema schema, Node node, Where where, List<Failure> out) {
    int before = out.size();
    if (schema.constant != null) {
      if (!schema.constant) out.add(fail(node, where, where.value(), "is not allowed here", Failure.Kind.OTHER));
      return;
    }
    if (schema.ref != null) {
      check(schema.ref, node, describe(schema.ref, node, where), out);
      return;
    }
    if (schema.types != null && schema.types.stream().noneMatch(t -> JsonValues.hasType(node, t))) {
      // Other keywords would only repeat the mismatch in other words.
      out.add(fail(node, where, where.value(), "must be " + Alternatives.typeWords(schema.types)
          + ", not " + JsonValues.kindWords(node), Failure.Kind.TYPE));
      return;
    }
    checkValue(schema, node, where, out);
    if (node instanceof MappingNode map) checkObject(schema, map, where, out);
    if (node instanceof SequenceNode seq) checkArray(schema, seq, where, out);
    if (schema.allOf != null) {
      for (Schema part : schema.allOf) check(part, node, where, out);
    }
    if (schema.anyOf != null) alternatives.check(schema, schema.anyOf, false, node, where, out);
    if (schema.oneOf != null) alternatives.check(schema, schema.oneOf, true, node, where, out);
    if (schema.not != null && !hasTypeFailure(out, before, node) && !onlyRequiresFields(schema.not, node)
        && passes(schema.not, node, where)) {
      out.add(forbidden(schema.not, node, where));
    }
    if (schema.ifSchema != null) {
      Schema branch = passes(schema.ifSchema, node, where) ? schema.thenSchema : schema.elseSchema;
      if (branch != null) check(branch, node, where, out);
    }
    if (out.size() > before && node instanceof MappingNode map) suggestBindingVersion(schema, map, where, out, before);
  }

  /**
   * A binding without {@code bindingVersion} is checked as its latest version. When it fails,
   * say which of the other versions the spec knows would accept it as written: the fix may be
   * one line ({@code bindingVersion: '0.4.0'}) rather than a rewrite.
   */
  private void suggestBindingVersion(Schema schema, MappingNode map, Where where, List<Failure> out, int from) {
    Schema version = schema.properties == null ? null : schema.properties.get("bindingVersion");
    if (version == null || version.enumValues == null || map.get("bindingVersion").isPresent()) return;
    List<String> accepting = new ArrayList<>();
    for (Object v : version.enumValues) {
      Map<String, MappingNode.Entry> entries = new LinkedHashMap<>(map.entries());
      entries.put("bindingVersion", new MappingNode.Entry("bindingVersion", map.location(),
          new ScalarNode(map.location(), String.valueOf(v))));
      if (passes(schema, new MappingNode(map.location(), entries), where)) accepting.add("'" + v + "'");
    }
    if (accepting.isEmpty()) return;
    String remark = "with bindingVersion " + String.join(" or ", accepting) + " this binding is valid as written";
    for (int i = from; i < out.size(); i++) {
      Failure f = out.get(i);
      String hint = f.hint() == null ? remark : f.hint() + "; " + remark;
      out.set(i, new Failure(f.location(), f.subject(), f.fact(), hint, f.kind(), f.depth(), f.object(), f.field()));
    }
  }

  /** Whether a wrong-type failure of {@code node} is among {@code out} from index {@code from}. */
  private static boolean hasTypeFailure(List<Failure> out, int from, Node node) {
    for (int i = from; i < out.size(); i++) {
      if (out.get(i).kind() == Failure.Kind.TYPE && out.get(i).location().equals(node.location())) return true;
    }
    return false;
  }

  /**
   * Whether a {@code not} is about fields ({@code not: {required: [...]}}) while the node is no
   * object: {@code required} holds for any non-object, so such a {@code not} would fail it beside
   * the type error that already says what is wrong.
   */
  private static boolean onlyRequiresFields(Schema not, Node node) {
    Schema n = not.resolved();
    return !(node instanceof MappingNode) && n.required != null && n.properties == null && n.types == null;
  }

  /**
   * A {@code not} that matched. The spec files use {@code not} for "this field excludes that one"
   * ({@code not: {required: [authorizationUrl]}} on an OAuth2 password flow), so say which.
   */
  private static Failure forbidden(Schema not, Node node, Where where) {
    Schema n = not.resolved();
    if (n.required != null && !n.required.isEmpty() && n.properties == null && n.types == null) {
      String fields = n.required.stream().map(f -> "'" + f + "'").collect(Collectors.joining(" and "));
      return fail(node, where, capitalise(where.object()), "must not have " + fields, Failure.Kind.OTHER);
    }
    return fail(node, where, where.value(), "has a form the specification forbids here", Failure.Kind.OTHER);
  }

  /** Whether {@code node} satisfies {@code schema}, without reporting anything. */
  boolean passes(Schema schema, Node node, Where where) {
    List<Failure> scratch = new ArrayList<>();
    check(schema, node, where, scratch);
    return scratch.isEmpty();
  }

  /** The place as seen through a named definition: a Channel, a Kafka message binding, ... */
  private static Where describe(Schema target, Node node, Where where) {
    String kind = Labels.kind(target.definitionName);
    Where w = where.entering(kind);
    String version = Labels.bindingVersion(target.definitionName);
    if (version != null && node instanceof MappingNode m && m.get("bindingVersion").isEmpty()) {
      w = w.withNote("no 'bindingVersion' is given, so the " + kind + " (the latest) applies");
    } else if (kind != null && version == null) {
      w = w.withNote(null); // a Schema inside a binding does not depend on the binding's version
    }
    return w;
  }

  private void checkValue(Schema s, Node node, Where where, List<Failure> out) {
    if (s.enumValues != null && s.enumValues.stream().noneMatch(v -> JsonValues.equal(node, v))) {
      String allowed = s.enumValues.stream().map(JsonValues::quote).collect(Collectors.joining(", "));
      String hint = node instanceof ScalarNode sc && sc.isString()
          ? DidYouMean.closest(sc.text(), s.enumValues.stream().filter(String.class::isInstance)
              .map(String.class::cast).toList()).map(c -> "did you mean '" + c + "'?").orElse(null)
          : null;
      out.add(new Failure(node.location(), where.value(), "must be one of " + allowed + ", not "
          + JsonValues.quote(node), hint, Failure.Kind.VALUE, where.depth()));
    }
    if (s.hasConst && !JsonValues.equal(node, s.constValue)) {
      out.add(fail(node, where, where.value(), "must be " + JsonValues.quote(s.constValue) + ", not "
          + JsonValues.quote(node), Failure.Kind.VALUE));
    }
    BigDecimal n = JsonValues.number(node);
    if (n != null) {
      bound(n, s.minimum, -1, "at least", node, where, out);
      bound(n, s.exclusiveMinimum, 0, "greater than", node, where, out);
      bound(n, s.maximum, 1, "at most", node, where, out);
      bound(n, s.exclusiveMaximum, 0, "less than", node, where, out);
      if (s.multipleOf != null && s.multipleOf.signum() > 0 && n.remainder(s.multipleOf).signum() != 0) {
        out.add(fail(node, where, where.value(), "must be a multiple of " + s.multipleOf, Failure.Kind.OTHER));
      }
    }
    if (node instanceof ScalarNode sc && sc.value() instanceof String text) {
      int length = text.codePointCount(0, text.length());
      if (s.minLength != null && length < s.minLength) {
        out.add(fail(node, where, where.value(), "must have at least " + s.minLength + " characters", Failure.Kind.OTHER));
      }
      if (s.maxLength != null && length > s.maxLength) {
        out.add(fail(node, where, where.value(), "must have at most " + s.maxLength + " characters", Failure.Kind.OTHER));
      }
      if (s.pattern != null && !s.pattern.matcher(text).find()) {
        out.add(fail(node, where, where.value(), JsonValues.quote(node) + " does not match the pattern "
            + s.patternSource, Failure.Kind.OTHER));
      }
    }
  }

  /**
   * One numeric bound. {@code sign} is the comparison result that violates it: -1 for a minimum
   * (n below), 1 for a maximum (n above), 0 for exclusive bounds (n equal, or beyond).
   */
  private static void bound(BigDecimal n, BigDecimal limit, int sign, String words, Node node, Where where,
      List<Failure> out) {
    if (limit == null) return;
    int c = n.compareTo(limit);
    boolean violated = sign == 0 ? (words.startsWith("greater") ? c <= 0 : c >= 0) : c == sign;
    if (violated) {
      out.add(fail(node, where, where.value(), "must be " + words + " " + limit.toPlainString(), Failure.Kind.OTHER));
    }
  }

  private void checkObject(Schema s, MappingNode map, Where where, List<Failure> out) {
    if (s.required != null) {
      for (String name : s.required) {
        if (map.get(name).isEmpty()) {
          out.add(new Failure(where.keyLocation() != null ? where.keyLocation() : map.location(),
              capitalise(where.object()), "is missing the required field '" + name + "'", where.note(),
              Failure.Kind.REQUIRED, where.depth(), map.location(), name));
        }
      }
    }
    for (MappingNode.Entry e : map.entries().values()) {
      boolean matched = false;
      if (s.properties != null && s.properties.containsKey(e.key())) {
        matched = true;
        check(s.properties.get(e.key()), e.value(), where.field(e.key(), e.keyLocation(), false), out);
      }
      if (s.patternProperties != null) {
        for (Map.Entry<java.util.regex.Pattern, Schema> p : s.patternProperties.entrySet()) {
          if (p.getKey().matcher(e.key()).find()) {
            matched = true;
            check(p.getValue(), e.value(), where.field(e.key(), e.keyLocation(), true), out);
          }
        }
      }
      if (!matched && s.additionalProperties != null) {
        if (Boolean.FALSE.equals(s.additionalProperties.constant)) {
          out.add(unknownField(s, map, e, where));
        } else {
          check(s.additionalProperties, e.value(), where.field(e.key(), e.keyLocation(), true), out);
        }
      }
      if (s.propertyNames != null) {
        check(s.propertyNames, new ScalarNode(e.keyLocation(), e.key()),
            where.field(e.key(), e.keyLocation(), true), out);
      }
      if (s.dependentRequired != null && s.dependentRequired.containsKey(e.key())) {
        for (String needed : s.dependentRequired.get(e.key())) {
          if (map.get(needed).isEmpty()) {
            out.add(new Failure(e.keyLocation(), capitalise(where.object()), "has '" + e.key()
                + "' and must then also have '" + needed + "'", null, Failure.Kind.REQUIRED, where.depth()));
          }
        }
      }
      if (s.dependentSchemas != null && s.dependentSchemas.containsKey(e.key())) {
        check(s.dependentSchemas.get(e.key()), map, where, out);
      }
    }
    int size = map.entries().size();
    if (s.minProperties != null && size < s.minProperties) {
      out.add(fail(map, where, capitalise(where.object()), "must have at least " + s.minProperties + " fields", Failure.Kind.OTHER));
    }
    if (s.maxProperties != null && size > s.maxProperties) {
      out.add(fail(map, where, capitalise(where.object()), "must have at most " + s.maxProperties + " fields", Failure.Kind.OTHER));
    }
    // A spec object that may be replaced by a '$ref' (a 2.x Channel, a Schema): check the target too.
    if (s.properties != null && s.properties.containsKey("$ref") && map.get("$ref").isPresent()
        && !s.isReferenceObject()) {
      checkTarget(s, map, where, out);
    }
  }

  private Failure unknownField(Schema s, MappingNode map, MappingNode.Entry e, Where where) {
    List<String> names = s.properties == null ? List.of()
        : s.properties.keySet().stream().filter(k -> !k.equals("$ref")).toList();
    boolean extensions = s.patternProperties != null
        && s.patternProperties.keySet().stream().anyMatch(p -> p.matcher("x-a").find());
    String allowed = names.isEmpty() ? "no fields" : String.join(", ", names);
    if (extensions) allowed += names.isEmpty() ? " except x- extensions" : ", and x- extensions";
    String meant = DidYouMean.closest(e.key(), names).orElse(null);
    String hint = meant != null ? "did you mean '" + meant + "'?" : where.note();
    return new Failure(e.keyLocation(), "", "unknown field '" + e.key() + "' in " + where.object()
        + " (allowed: " + allowed + ")", hint, Failure.Kind.UNKNOWN_FIELD, where.depth() + 1, map.location(), meant);
  }


  private void checkArray(Schema s, SequenceNode seq, Where where, List<Failure> out) {
    List<Node> items = seq.items();
    for (int i = 0; i < items.size(); i++) {
      Schema itemSchema = s.items;
      if (s.tupleItems != null) itemSchema = i < s.tupleItems.size() ? s.tupleItems.get(i) : s.additionalItems;
      if (itemSchema != null) check(itemSchema, items.get(i), where.item(i, items.get(i).location()), out);
    }
    if (s.minItems != null && items.size() < s.minItems) {
      out.add(fail(seq, where, where.value(), "must have at least " + s.minItems + " item" + (s.minItems == 1 ? "" : "s"), Failure.Kind.OTHER));
    }
    if (s.maxItems != null && items.size() > s.maxItems) {
      out.add(fail(seq, where, where.value(), "must have at most " + s.maxItems + " items", Failure.Kind.OTHER));
    }
    if (s.uniqueItems) {
      Set<String> seen = new HashSet<>();
      for (Node item : items) {
        if (!seen.add(JsonValues.canonical(item))) {
          out.add(new Failure(item.location(), where.value(), "must not repeat an item, but "
              + JsonValues.quote(item) + " appears twice", null, Failure.Kind.OTHER, where.depth() + 1));
        }
      }
    }
    if (s.contains != null && items.stream().noneMatch(item -> passes(s.contains, item, where))) {
      out.add(fail(seq, where, where.value(), "must contain an item of the required form", Failure.Kind.OTHER));
    }
  }

  /**
   * Checks what a {@code $ref} mapping points at against {@code schema}. Returns false when the
   * target is out of reach (a remote or dangling ref, which the resolver reports itself).
   */
  boolean checkTarget(Schema schema, MappingNode ref, Where where, List<Failure> out) {
    Optional<Node> found = deref.apply(ref);
    if (found.isEmpty()) return false;
    Node target = found.get();
    Visit visit = new Visit(target, schema);
    List<Failure> known = done.get(visit);
    if (known != null) {
      out.addAll(known);
      return true;
    }
    if (!inProgress.add(visit)) return true; // a cycle: this check is already under way above us
    List<Failure> failures = new ArrayList<>();
    try {
      check(schema, target, describe(schema, target, where.at(targetName(ref), target.location())), failures);
    } finally {
      inProgress.remove(visit);
    }
    done.put(visit, failures);
    out.addAll(failures);
    return true;
  }

  /** The name a ref gives its target: the last pointer token, or the file name. */
  private static String targetName(MappingNode ref) {
    String text = ref.get("$ref").filter(n -> n instanceof ScalarNode s && s.isString())
        .map(n -> ((ScalarNode) n).text()).orElse("");
    int hash = text.indexOf('#');
    String tail = hash >= 0 ? text.substring(hash + 1) : text;
    String last = tail.substring(tail.lastIndexOf('/') + 1);
    return last.isEmpty() ? text : last.replace("~1", "/").replace("~0", "~");
  }

  /** A failure without hint: the binding-version note only explains missing and unknown fields. */
  static Failure fail(Node node, Where where, String subject, String fact, Failure.Kind kind) {
    return new Failure(node.location(), subject, fact, null, kind, where.depth());
  }

  static String capitalise(String text) {
    return text.isEmpty() ? text : Character.toUpperCase(text.charAt(0)) + text.substring(1);
  }
}
