package io.asyncws.generator.emit.api;

import com.palantir.javapoet.CodeBlock;
import io.asyncws.generator.model.JsonType;
import io.asyncws.generator.model.Literal;
import io.asyncws.generator.model.Message;
import io.asyncws.generator.model.SchemaModel;
import io.asyncws.generator.model.SchemaRef;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What tells incoming messages apart before they are bound: the {@code const} properties (the
 * Kraken/Gemini {@code event: const} pattern), the required properties and the JSON type of each
 * payload, through {@code allOf} (all must hold) and {@code oneOf}/{@code anyOf} (one alternative
 * must hold).
 *
 * <p>A message scores the number of {@code const} properties that matched, or -1 when it does not
 * fit; the receiver takes the single best score, so a message pinned by {@code event: pong} wins
 * over one that merely has no required properties.
 */
final class MessageShapes {
  /** Alternatives beyond this are not told apart: the schema is matched by its own level only. */
  private static final int MAX_ALTERNATIVES = 16;
  /** Nesting of allOf/oneOf followed; deeper (or circular) parts add nothing. */
  private static final int MAX_DEPTH = 6;

  private MessageShapes() {}

  /** One way a payload can look. */
  record Shape(Set<JsonType> types, Map<String, Object> constants, Set<String> required) {}

  static List<Shape> shapes(Message message) {
    if (message.payload() == null) return List.of(new Shape(Set.of(), Map.of(), Set.of()));
    return shapes(message.payload(), 0);
  }

  private static List<Shape> shapes(SchemaRef ref, int depth) {
    SchemaModel s = ref.get();
    Set<JsonType> types = new LinkedHashSet<>(s.types());
    types.remove(JsonType.NULL);
    Map<String, Object> constants = new LinkedHashMap<>();
    s.properties().forEach((name, property) -> {
      Object value = constantOf(property.get());
      if (value != null) constants.put(name, value);
    });
    List<Shape> result = List.of(new Shape(types, constants, new LinkedHashSet<>(s.required())));
    if (depth >= MAX_DEPTH) return result;
    for (SchemaRef part : s.allOf()) result = combine(result, shapes(part, depth + 1));
    for (List<SchemaRef> choice : List.of(s.oneOf(), s.anyOf())) {
      if (choice.isEmpty()) continue;
      List<Shape> union = new ArrayList<>();
      for (SchemaRef alternative : choice) union.addAll(shapes(alternative, depth + 1));
      result = combine(result, union);
    }
    return result;
  }

  /** A scalar the property is pinned to by {@code const} or a one-value {@code enum}, or null. */
  private static Object constantOf(SchemaModel property) {
    Literal literal = property.constValue();
    Object value = literal != null ? literal.value()
        : property.enumValues().size() == 1 ? property.enumValues().get(0) : null;
    boolean scalar = value instanceof String || value instanceof Boolean || value instanceof Long
        || value instanceof BigInteger;
    return scalar ? value : null;
  }

  /** Every shape of {@code a} merged with every shape of {@code b}: both must hold. */
  private static List<Shape> combine(List<Shape> a, List<Shape> b) {
    if (a.size() * b.size() > MAX_ALTERNATIVES) return a;
    List<Shape> out = new ArrayList<>();
    for (Shape x : a) {
      for (Shape y : b) {
        Set<JsonType> types = x.types().isEmpty() ? y.types() : x.types();
        Map<String, Object> constants = new LinkedHashMap<>(x.constants());
        constants.putAll(y.constants());
        Set<String> required = new LinkedHashSet<>(x.required());
        required.addAll(y.required());
        out.add(new Shape(types, constants, required));
      }
    }
    return out;
  }

  /**
   * Whether all that tells {@code message} apart is being a JSON object with its required
   * properties: one shape, no {@code const}, no composition, every required property declared.
   * Binding the text to the message's record checks exactly that, since Jackson fails on a
   * missing required creator property, so such a message needs no tree to be recognised.
   */
  static boolean isPlainObject(Message message) {
    if (message.payload() == null) return false;
    SchemaModel s = message.payload().get();
    if (!s.allOf().isEmpty() || !s.oneOf().isEmpty() || !s.anyOf().isEmpty()) return false;
    Shape only = shapes(message).get(0); // without composition, the one shape of the schema itself
    boolean objectOnly = only.types().isEmpty() || only.types().equals(Set.of(JsonType.OBJECT));
    return objectOnly
        && only.constants().isEmpty()
        && s.properties().keySet().containsAll(only.required());
  }

  /** The body of {@code static int scoreX(JsonNode node)}. */
  static CodeBlock scoreBody(Message message) {
    List<Shape> shapes = shapes(message);
    CodeBlock.Builder body = CodeBlock.builder();
    if (shapes.size() == 1) {
      Shape only = shapes.get(0);
      return body.addStatement("return $L ? $L : -1", condition(only), only.constants().size()).build();
    }
    body.addStatement("int best = -1");
    for (Shape shape : shapes) {
      body.beginControlFlow("if ($L)", condition(shape))
          .addStatement("best = Math.max(best, $L)", shape.constants().size())
          .endControlFlow();
    }
    return body.addStatement("return best").build();
  }

  private static CodeBlock condition(Shape shape) {
    List<CodeBlock> parts = new ArrayList<>();
    boolean object = shape.types().contains(JsonType.OBJECT)
        || (shape.types().isEmpty() && (!shape.constants().isEmpty() || !shape.required().isEmpty()));
    if (object) {
      parts.add(CodeBlock.of("node.isObject()"));
    } else if (!shape.types().isEmpty()) {
      List<CodeBlock> anyType = new ArrayList<>();
      for (JsonType t : shape.types()) anyType.add(CodeBlock.of("node.$L()", typeTest(t)));
      parts.add(anyType.size() == 1 ? anyType.get(0) : CodeBlock.of("($L)", CodeBlock.join(anyType, " || ")));
    }
    for (String name : shape.required()) parts.add(CodeBlock.of("node.has($S)", name));
    shape.constants().forEach((name, value) -> parts.add(constantTest(name, value)));
    return parts.isEmpty() ? CodeBlock.of("true") : CodeBlock.join(parts, "\n    && ");
  }

  private static String typeTest(JsonType t) {
    return switch (t) {
      case STRING -> "isTextual";
      case NUMBER -> "isNumber";
      case INTEGER -> "isIntegralNumber";
      case BOOLEAN -> "isBoolean";
      case OBJECT -> "isObject";
      case ARRAY -> "isArray";
      case NULL -> "isNull";
    };
  }

  private static CodeBlock constantTest(String name, Object value) {
    if (value instanceof String text) {
      return CodeBlock.of("$S.equals(node.path($S).textValue())", text, name);
    }
    if (value instanceof Boolean flag) {
      return CodeBlock.of("node.path($S).isBoolean() && node.path($S).booleanValue() == $L", name, name, flag);
    }
    return CodeBlock.of("node.path($S).isIntegralNumber() && node.path($S).bigIntegerValue().equals(new $T($S))",
        name, name, BigInteger.class, value.toString());
  }
}
