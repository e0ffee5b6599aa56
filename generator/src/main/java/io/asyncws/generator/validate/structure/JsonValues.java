package io.asyncws.generator.validate.structure;

import io.asyncws.generator.tree.MappingNode;
import io.asyncws.generator.tree.Node;
import io.asyncws.generator.tree.ScalarNode;
import io.asyncws.generator.tree.SequenceNode;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Collectors;

/** JSON equality and typing between document nodes and values written in the spec schemas. */
final class JsonValues {
  private JsonValues() {}

  /** The node's value as a number, or null when it is not numeric. */
  static BigDecimal number(Node node) {
    if (node instanceof ScalarNode s && s.value() instanceof Number n) {
      if (n instanceof Double d && (d.isNaN() || d.isInfinite())) return null;
      return n instanceof BigDecimal b ? b : new BigDecimal(n.toString());
    }
    return null;
  }

  /** Whether the node is of JSON Schema type {@code type} ("integer" includes 2.0, as in draft-07). */
  static boolean hasType(Node node, String type) {
    return switch (type) {
      case "object" -> node instanceof MappingNode;
      case "array" -> node instanceof SequenceNode;
      case "string" -> node instanceof ScalarNode s && s.value() instanceof String;
      case "boolean" -> node instanceof ScalarNode s && s.value() instanceof Boolean;
      case "null" -> node instanceof ScalarNode s && s.value() == null;
      case "number" -> number(node) != null;
      case "integer" -> isInteger(number(node));
      default -> true; // an unknown type name constrains nothing
    };
  }

  private static boolean isInteger(BigDecimal n) {
    return n != null && n.stripTrailingZeros().scale() <= 0;
  }

  /** JSON equality of a document node and a value from a spec schema (String, Number, Map, ...). */
  static boolean equal(Node node, Object value) {
    if (node instanceof ScalarNode s) {
      Object v = s.value();
      if (v instanceof Number && value instanceof Number) {
        return number(node) != null && number(node).compareTo(new BigDecimal(value.toString())) == 0;
      }
      return Objects.equals(v, value);
    }
    if (node instanceof SequenceNode seq && value instanceof List<?> list) {
      if (seq.items().size() != list.size()) return false;
      for (int i = 0; i < list.size(); i++) if (!equal(seq.items().get(i), list.get(i))) return false;
      return true;
    }
    if (node instanceof MappingNode map && value instanceof Map<?, ?> other) {
      if (map.entries().size() != other.size()) return false;
      for (MappingNode.Entry e : map.entries().values()) {
        if (!other.containsKey(e.key()) || !equal(e.value(), other.get(e.key()))) return false;
      }
      return true;
    }
    return false;
  }

  /** A canonical text of a node's value, equal for JSON-equal nodes (for uniqueItems). */
  static String canonical(Node node) {
    if (node instanceof ScalarNode s) {
      BigDecimal n = number(node);
      if (n != null) return "n:" + n.stripTrailingZeros().toPlainString();
      return s.value() == null ? "null" : s.value().getClass().getSimpleName() + ":" + s.value();
    }
    if (node instanceof SequenceNode seq) {
      return seq.items().stream().map(JsonValues::canonical).collect(Collectors.joining(",", "[", "]"));
    }
    MappingNode map = (MappingNode) node;
    return map.entries().values().stream()
        .sorted(java.util.Comparator.comparing(MappingNode.Entry::key))
        .map(e -> e.key() + "=" + canonical(e.value()))
        .collect(Collectors.joining(",", "{", "}"));
  }

  /** A value from a spec schema as a message would quote it: {@code 'send'}, {@code 3}. */
  static String quote(Object value) {
    if (value instanceof String s) return "'" + s + "'";
    if (value instanceof BigInteger || value instanceof Number) return value.toString();
    return String.valueOf(value);
  }

  /** A document node as a message would quote it; long or nested values are abbreviated. */
  static String quote(Node node) {
    if (node instanceof ScalarNode s) {
      String text = s.isString() ? "'" + s.text() + "'" : s.text();
      return text.length() > 60 ? text.substring(0, 57) + "...'" : text;
    }
    return node instanceof SequenceNode ? "an array" : "an object";
  }

  /** The node's JSON type as a message says it: "a string", "an object", "null". */
  static String kindWords(Node node) {
    String kind = node.kindName();
    if (kind.equals("null")) return "null";
    return (kind.startsWith("a") || kind.startsWith("i") || kind.startsWith("o") ? "an " : "a ") + kind;
  }
}
