package io.asyncws.generator.validate.structure;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * Turns one official AsyncAPI JSON Schema file (already parsed into maps and lists) into a graph
 * of {@link Schema}s. Each JSON object is compiled once; {@code $ref}s are linked after every
 * schema exists, so recursive definitions (a Schema's {@code properties} are Schemas) become
 * cycles in the graph rather than infinite compilation.
 */
final class SchemaCompiler {
  private static final String DEFINITIONS = "#/definitions/";

  private final Map<?, ?> root;
  private final Map<Object, Schema> compiled = new IdentityHashMap<>();
  private final List<Schema> pendingRefs = new ArrayList<>();

  private SchemaCompiler(Map<?, ?> root) {
    this.root = root;
  }

  /** Compiles a whole specification file and returns its root schema (the AsyncAPI document). */
  static Schema compile(Map<?, ?> root) {
    SchemaCompiler compiler = new SchemaCompiler(root);
    // Definitions first, so that each one is compiled under its own name and messages can say
    // "Channel" rather than "#/definitions/channel/...".
    if (root.get("definitions") instanceof Map<?, ?> definitions) {
      for (Map.Entry<?, ?> e : definitions.entrySet()) {
        String name = String.valueOf(e.getKey());
        compiler.schema(e.getValue(), DEFINITIONS + escape(name), name);
      }
    }
    Schema top = compiler.schema(root, "#", null);
    // Linking may compile schemas that only a pointer reaches, which may add more refs.
    for (int i = 0; i < compiler.pendingRefs.size(); i++) {
      Schema s = compiler.pendingRefs.get(i);
      s.ref = compiler.target(s.refPointer);
    }
    return top;
  }

  private Schema target(String pointer) {
    if (!pointer.startsWith("#")) {
      throw new IllegalStateException("external $ref in a bundled specification schema: " + pointer);
    }
    Object at = root;
    for (String raw : pointer.substring(1).split("/")) {
      if (raw.isEmpty()) continue;
      String token = raw.replace("~1", "/").replace("~0", "~");
      if (at instanceof Map<?, ?> map && map.containsKey(token)) {
        at = map.get(token);
      } else if (at instanceof List<?> list && token.matches("\\d+") && Integer.parseInt(token) < list.size()) {
        at = list.get(Integer.parseInt(token));
      } else {
        throw new IllegalStateException("dangling $ref in a specification schema: " + pointer);
      }
    }
    return schema(at, pointer, null);
  }

  private Schema schema(Object json, String pointer, String definitionName) {
    if (json instanceof Boolean b) {
      Schema s = new Schema(pointer, definitionName);
      s.constant = b;
      return s;
    }
    if (!(json instanceof Map<?, ?> map)) {
      throw new IllegalStateException("not a schema at " + pointer + ": " + json);
    }
    Schema existing = compiled.get(json);
    if (existing != null) return existing;
    Schema s = new Schema(pointer, definitionName);
    compiled.put(json, s);
    if (map.get("$ref") instanceof String ref) {
      s.refPointer = ref;
      pendingRefs.add(s);
      return s;
    }
    fill(s, map, pointer);
    return s;
  }

  private void fill(Schema s, Map<?, ?> map, String at) {
    Object type = map.get("type");
    if (type instanceof String t) s.types = List.of(t);
    if (type instanceof List<?> ts) s.types = ts.stream().map(String::valueOf).toList();
    if (map.get("enum") instanceof List<?> values) s.enumValues = new ArrayList<>(values);
    if (map.containsKey("const")) {
      s.hasConst = true;
      s.constValue = map.get("const");
    }
    s.minimum = number(map.get("minimum"));
    s.maximum = number(map.get("maximum"));
    s.exclusiveMinimum = number(map.get("exclusiveMinimum"));
    s.exclusiveMaximum = number(map.get("exclusiveMaximum"));
    s.multipleOf = number(map.get("multipleOf"));
    s.minLength = integer(map.get("minLength"));
    s.maxLength = integer(map.get("maxLength"));
    if (map.get("pattern") instanceof String p) {
      s.patternSource = p;
      s.pattern = regex(p);
    }
    if (map.get("properties") instanceof Map<?, ?> props) {
      s.properties = new LinkedHashMap<>();
      for (Map.Entry<?, ?> e : props.entrySet()) {
        String name = String.valueOf(e.getKey());
        s.properties.put(name, schema(e.getValue(), at + "/properties/" + escape(name), null));
      }
    }
    if (map.get("patternProperties") instanceof Map<?, ?> props) {
      s.patternProperties = new LinkedHashMap<>();
      for (Map.Entry<?, ?> e : props.entrySet()) {
        Pattern p = regex(String.valueOf(e.getKey()));
        if (p != null) {
          s.patternProperties.put(p, schema(e.getValue(), at + "/patternProperties/" + escape(String.valueOf(e.getKey())), null));
        }
      }
    }
    s.additionalProperties = optional(map, "additionalProperties", at);
    if (map.get("required") instanceof List<?> req) s.required = req.stream().map(String::valueOf).toList();
    s.propertyNames = optional(map, "propertyNames", at);
    if (map.get("dependencies") instanceof Map<?, ?> deps) {
      s.dependentRequired = new LinkedHashMap<>();
      s.dependentSchemas = new LinkedHashMap<>();
      for (Map.Entry<?, ?> e : deps.entrySet()) {
        String name = String.valueOf(e.getKey());
        if (e.getValue() instanceof List<?> names) {
          s.dependentRequired.put(name, names.stream().map(String::valueOf).toList());
        } else {
          s.dependentSchemas.put(name, schema(e.getValue(), at + "/dependencies/" + escape(name), null));
        }
      }
    }
    s.minProperties = integer(map.get("minProperties"));
    s.maxProperties = integer(map.get("maxProperties"));
    if (map.get("items") instanceof List<?> tuple) {
      s.tupleItems = list(tuple, at + "/items");
    } else {
      s.items = optional(map, "items", at);
    }
    s.additionalItems = optional(map, "additionalItems", at);
    s.contains = optional(map, "contains", at);
    s.minItems = integer(map.get("minItems"));
    s.maxItems = integer(map.get("maxItems"));
    s.uniqueItems = Boolean.TRUE.equals(map.get("uniqueItems"));
    if (map.get("allOf") instanceof List<?> l) s.allOf = list(l, at + "/allOf");
    if (map.get("anyOf") instanceof List<?> l) s.anyOf = list(l, at + "/anyOf");
    if (map.get("oneOf") instanceof List<?> l) s.oneOf = list(l, at + "/oneOf");
    s.not = optional(map, "not", at);
    s.ifSchema = optional(map, "if", at);
    s.thenSchema = optional(map, "then", at);
    s.elseSchema = optional(map, "else", at);
    // Nested definitions (the OpenAPI and Avro schemas carry their own) are reached by pointer.
    if (map.get("definitions") instanceof Map<?, ?> defs && map != root) {
      for (Map.Entry<?, ?> e : defs.entrySet()) {
        schema(e.getValue(), at + "/definitions/" + escape(String.valueOf(e.getKey())), null);
      }
    }
  }

  private Schema optional(Map<?, ?> map, String keyword, String at) {
    return map.containsKey(keyword) ? schema(map.get(keyword), at + "/" + keyword, null) : null;
  }

  private List<Schema> list(List<?> items, String at) {
    List<Schema> out = new ArrayList<>();
    for (int i = 0; i < items.size(); i++) out.add(schema(items.get(i), at + "/" + i, null));
    return List.copyOf(out);
  }

  private static BigDecimal number(Object o) {
    return o instanceof Number n ? new BigDecimal(n.toString()) : null;
  }

  private static Integer integer(Object o) {
    return o instanceof Number n ? n.intValue() : null;
  }

  /**
   * The files' patterns are ECMA-262 regexes; the ones they use ({@code \w}, {@code \x2d}, classes,
   * anchors) mean the same in Java. A pattern Java cannot read is skipped rather than guessed.
   */
  private static Pattern regex(String source) {
    try {
      return Pattern.compile(source);
    } catch (PatternSyntaxException e) {
      return null;
    }
  }

  private static String escape(String token) {
    return token.replace("~", "~0").replace("/", "~1");
  }
}
