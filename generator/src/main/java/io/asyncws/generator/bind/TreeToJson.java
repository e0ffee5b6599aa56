package io.asyncws.generator.bind;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.asyncws.generator.tree.MappingNode;
import io.asyncws.generator.tree.Node;
import io.asyncws.generator.tree.ScalarNode;
import io.asyncws.generator.tree.SequenceNode;
import java.math.BigDecimal;
import java.math.BigInteger;

/** Copies the positioned tree into a Jackson tree (positions are dropped: {@link JsonPaths} maps back). */
final class TreeToJson {
  private static final JsonNodeFactory FACTORY = JsonNodeFactory.instance;

  private TreeToJson() {}

  static JsonNode convert(Node node) {
    if (node instanceof MappingNode map) {
      ObjectNode out = FACTORY.objectNode();
      map.entries().forEach((key, entry) -> out.set(key, convert(entry.value())));
      return out;
    }
    if (node instanceof SequenceNode seq) {
      ArrayNode out = FACTORY.arrayNode(seq.items().size());
      for (Node item : seq.items()) out.add(convert(item));
      return out;
    }
    Object value = ((ScalarNode) node).value();
    if (value == null) return FACTORY.nullNode();
    if (value instanceof String s) return FACTORY.textNode(s);
    if (value instanceof Boolean b) return FACTORY.booleanNode(b);
    if (value instanceof Long l) return FACTORY.numberNode(l);
    if (value instanceof Double d) return FACTORY.numberNode(d);
    if (value instanceof BigInteger i) return FACTORY.numberNode(i);
    if (value instanceof BigDecimal d) return FACTORY.numberNode(d);
    return FACTORY.textNode(String.valueOf(value));
  }
}
