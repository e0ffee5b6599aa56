package io.asyncws.generator.link;

import io.asyncws.generator.model.JsonType;
import io.asyncws.generator.model.Literal;
import io.asyncws.generator.model.SchemaGraph;
import io.asyncws.generator.model.SchemaModel;
import io.asyncws.generator.model.SchemaRef;
import io.asyncws.generator.tree.MappingNode;
import io.asyncws.generator.tree.Node;
import io.asyncws.generator.tree.ScalarNode;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Links JSON Schemas into one {@link SchemaGraph}. A schema is memoized by the identity of the
 * node its references lead to, and its link is handed out before its children are linked: that
 * is how a schema used twice stays one node and how cycles close without recursing forever.
 */
final class SchemaLinker {
  /** Inline nesting deeper than this is reported instead of linked: it protects the stack. */
  static final int MAX_DEPTH = 200;

  private final LinkContext context;
  private final SchemaGraph graph = new SchemaGraph();
  private final Names names = new Names();
  private final Map<Node, SchemaRef> byTarget = new IdentityHashMap<>();

  SchemaLinker(LinkContext context) {
    this.context = context;
  }

  /** The graph built so far; {@link SchemaGraph#freeze()} it when linking is done. */
  SchemaGraph graph() {
    return graph;
  }

  /**
   * Links the schema at {@code node} (a schema or a reference to one) and returns its link, or
   * null when the reference dangles.
   *
   * @param suggestedName the name to derive from when the schema has no component name
   */
  SchemaRef link(Node node, String suggestedName) {
    return link(node, suggestedName, null, 0);
  }

  /** Like {@link #link(Node, String)} for a schema known to be {@code components/schemas/name}. */
  SchemaRef linkComponent(Node node, String componentName) {
    return link(node, componentName, componentName, 0);
  }

  private SchemaRef link(Node node, String suggestedName, String componentName, int depth) {
    if (node == null) return null;
    String component = componentName != null ? componentName : Pointers.componentName(node, "schemas");
    String fromRef = component != null ? component : Pointers.schemaName(node);
    Node target = context.resolve(node);
    if (target == null) return null;
    SchemaRef known = byTarget.get(target);
    if (known != null) return known;
    if (depth > MAX_DEPTH) {
      context.diagnostics.error(
          target.location(),
          "Schema nesting is deeper than " + MAX_DEPTH + " levels.",
          "move deeply nested schemas into components/schemas and $ref them");
      return null;
    }
    String name = names.claim(fromRef != null ? fromRef : suggestedName);
    SchemaRef ref = graph.ref(name);
    byTarget.put(target, ref);
    graph.reserve(name);
    graph.put(build(target, name, component, depth));
    return ref;
  }

  /** A schema whose structure is not JSON Schema (Avro, RAML, ...): named and located only. */
  SchemaRef linkForeign(Node node, String suggestedName, String schemaFormat) {
    Node target = context.resolve(node);
    if (target == null) return null;
    SchemaRef known = byTarget.get(target);
    if (known != null) return known;
    String name = names.claim(suggestedName);
    SchemaRef ref = graph.ref(name);
    byTarget.put(target, ref);
    graph.put(
        new SchemaModel(name, null, Set.of(), false, null, null, null, Map.of(), List.of(), true,
            null, null, List.of(), null, null, List.of(), List.of(), List.of(), List.of(), null,
            null, SchemaModel.Constraints.NONE, false, schemaFormat, target.location()));
    return ref;
  }

  private SchemaModel build(Node target, String name, String componentName, int depth) {
    if (!(target instanceof MappingNode m)) {
      // A boolean schema: true allows anything (an empty schema), false allows nothing.
      boolean allowsNothing = target instanceof ScalarNode s && Boolean.FALSE.equals(s.value());
      SchemaRef not = allowsNothing ? anything(name + "Anything", target) : null;
      return new SchemaModel(name, componentName, Set.of(), false, null, null, null, Map.of(),
          List.of(), true, null, null, List.of(), null, null, List.of(), List.of(), List.of(),
          List.of(), not, null, SchemaModel.Constraints.NONE, false, null, target.location());
    }
    Set<JsonType> types = types(LinkContext.raw(m, "type"));
    boolean nullable = LinkContext.flag(m, "nullable") || types.contains(JsonType.NULL);

    Map<String, SchemaRef> properties = new LinkedHashMap<>();
    if (LinkContext.raw(m, "properties") instanceof MappingNode props) {
      props.entries().forEach((key, entry) -> {
        SchemaRef child = link(entry.value(), name + Names.pascal(key), null, depth + 1);
        if (child != null) properties.put(key, child);
      });
    }
    Node additional = LinkContext.raw(m, "additionalProperties");
    boolean additionalAllowed = !(additional instanceof ScalarNode s && Boolean.FALSE.equals(s.value()));
    SchemaRef additionalSchema =
        additional instanceof MappingNode ? link(additional, name + "Value", null, depth + 1) : null;
    Node itemsNode = LinkContext.raw(m, "items");
    SchemaRef items = itemsNode instanceof MappingNode ? link(itemsNode, name + "Item", null, depth + 1) : null;
    if (itemsNode instanceof io.asyncws.generator.tree.SequenceNode) {
      context.diagnostics.warning(itemsNode.location(),
          "Tuple 'items' (a list of schemas) is not modelled: the array's items are treated as any value.",
          "use one schema for 'items', with 'oneOf' if items differ");
    }

    return new SchemaModel(
        name,
        componentName,
        types,
        nullable,
        LinkContext.text(m, "title"),
        LinkContext.text(m, "description"),
        LinkContext.text(m, "format"),
        properties,
        Values.strings(LinkContext.raw(m, "required")),
        additionalAllowed,
        additionalSchema,
        items,
        m.get("enum").map(Values::list).orElse(List.of()),
        m.get("const").map(n -> new Literal(Values.toJava(n))).orElse(null),
        m.get("default").map(n -> new Literal(Values.toJava(n))).orElse(null),
        examples(m),
        alternatives(m, "oneOf", name, depth),
        alternatives(m, "anyOf", name, depth),
        alternatives(m, "allOf", name, depth),
        m.get("not").map(n -> link(n, name + "Not", null, depth + 1)).orElse(null),
        discriminator(m),
        constraints(m),
        LinkContext.flag(m, "deprecated"),
        null,
        m.location());
  }

  private SchemaRef anything(String name, Node at) {
    String claimed = names.claim(name);
    graph.put(new SchemaModel(claimed, null, Set.of(), false, null, null, null, Map.of(), List.of(),
        true, null, null, List.of(), null, null, List.of(), List.of(), List.of(), List.of(), null,
        null, SchemaModel.Constraints.NONE, false, null, at.location()));
    return graph.ref(claimed);
  }

  private static Set<JsonType> types(Node typeNode) {
    Set<JsonType> types = EnumSet.noneOf(JsonType.class);
    for (String spelled : Values.strings(typeNode)) {
      JsonType t = JsonType.bySpelling(spelled);
      if (t != null) types.add(t);
    }
    return types;
  }

  private static List<Object> examples(MappingNode m) {
    List<Object> out = new ArrayList<>(Values.list(LinkContext.raw(m, "examples")));
    m.get("example").ifPresent(n -> out.add(Values.toJava(n)));
    return out;
  }

  private List<SchemaRef> alternatives(MappingNode m, String keyword, String name, int depth) {
    List<SchemaRef> out = new ArrayList<>();
    List<Node> items = LinkContext.items(m, keyword);
    for (int i = 0; i < items.size(); i++) {
      SchemaRef alt = link(items.get(i), name + Names.pascal(keyword) + (i + 1), null, depth + 1);
      if (alt != null) out.add(alt);
    }
    return out;
  }

  /** 2.x/3.x write {@code discriminator: prop}; OpenAPI style writes {@code propertyName: prop}. */
  private static String discriminator(MappingNode m) {
    Node d = LinkContext.raw(m, "discriminator");
    if (d instanceof ScalarNode s && s.isString()) return s.text();
    if (d instanceof MappingNode dm) return LinkContext.text(dm, "propertyName");
    return null;
  }

  private static SchemaModel.Constraints constraints(MappingNode m) {
    return new SchemaModel.Constraints(
        number(m, "minimum"),
        number(m, "maximum"),
        number(m, "exclusiveMinimum"),
        number(m, "exclusiveMaximum"),
        number(m, "multipleOf"),
        count(m, "minLength"),
        count(m, "maxLength"),
        LinkContext.text(m, "pattern"),
        count(m, "minItems"),
        count(m, "maxItems"),
        LinkContext.flag(m, "uniqueItems"),
        count(m, "minProperties"),
        count(m, "maxProperties"));
  }

  private static Number number(MappingNode m, String key) {
    Node n = LinkContext.raw(m, key);
    if (n instanceof ScalarNode s
        && (s.value() instanceof Long || s.value() instanceof Double
            || s.value() instanceof BigInteger || s.value() instanceof BigDecimal)) {
      return (Number) s.value();
    }
    return null;
  }

  private static Long count(MappingNode m, String key) {
    Node n = LinkContext.raw(m, key);
    return n instanceof ScalarNode s && s.value() instanceof Long l ? l : null;
  }
}
