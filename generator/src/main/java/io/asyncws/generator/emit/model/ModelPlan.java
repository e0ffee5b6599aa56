package io.asyncws.generator.emit.model;

import com.palantir.javapoet.ArrayTypeName;
import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.ParameterizedTypeName;
import com.palantir.javapoet.TypeName;
import io.asyncws.generator.emit.JavaNames;
import io.asyncws.generator.emit.TypeNames;
import io.asyncws.generator.model.JsonType;
import io.asyncws.generator.model.Literal;
import io.asyncws.generator.model.SchemaGraph;
import io.asyncws.generator.model.SchemaModel;
import io.asyncws.generator.model.SchemaRef;
import java.math.BigInteger;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * Decides, once per document, what every schema becomes in Java: a generated record, enum or sealed
 * interface with its class name, or a library type. Emitters read the plan; they never classify
 * schemas themselves, so {@link ModelTypes#typeOf} and the emitted files cannot disagree.
 */
final class ModelPlan {
  /** What a schema becomes. */
  enum Kind {
    /** A generated record (object schemas with properties, {@code allOf}). */
    RECORD,
    /** A generated enum (string or integer {@code enum}). */
    ENUM,
    /** A generated sealed interface ({@code oneOf}/{@code anyOf}). */
    UNION,
    /** No file: a library type such as {@code String}, {@code List<T>} or {@code JsonNode}. */
    LIBRARY
  }

  final SchemaGraph graph;
  final String packageName;
  final String sourceName;
  private final Map<String, Kind> kinds = new LinkedHashMap<>();
  private final Map<String, ClassName> classNames = new HashMap<>();
  private final Map<String, TypeName> types = new HashMap<>();
  private final Set<String> typing = new HashSet<>();

  /** Record name → the sealed interfaces it implements, in the order unions were met. */
  private final Map<String, Set<ClassName>> interfaces = new HashMap<>();

  /** Records some union without a discriminator picks by content. */
  private final Set<String> pickedByContent = new HashSet<>();

  ModelPlan(SchemaGraph graph, String packageName, String sourceName) {
    this.graph = graph;
    this.packageName = packageName;
    this.sourceName = sourceName;
    // An inline allOf part exists only to be merged into its owner: it gets no class of its own.
    Set<String> inlineParts = new HashSet<>();
    for (SchemaModel schema : graph.all()) {
      for (SchemaRef part : schema.allOf())
        if (part.get().componentName() == null) inlineParts.add(part.name());
    }
    JavaNames.TypeAllocator names = new JavaNames.TypeAllocator();
    for (SchemaModel schema : graph.all()) {
      Kind kind = inlineParts.contains(schema.name()) ? Kind.LIBRARY : classify(schema);
      kinds.put(schema.name(), kind);
      if (kind != Kind.LIBRARY) {
        classNames.put(schema.name(), ClassName.get(packageName, names.newName(schema.name())));
      }
    }
    for (SchemaModel schema : graph.all()) {
      if (kind(schema) != Kind.UNION) continue;
      ClassName union = classNames.get(schema.name());
      boolean byContent = discriminatorOf(schema) == null;
      for (SchemaRef variant : variants(schema)) {
        if (kind(variant.get()) != Kind.RECORD) continue;
        interfaces.computeIfAbsent(variant.name(), k -> new LinkedHashSet<>()).add(union);
        if (byContent) pickedByContent.add(variant.name());
      }
    }
  }

  Kind kind(SchemaModel schema) {
    return kinds.get(schema.name());
  }

  /** The generated class of a record, enum or union schema. */
  ClassName className(SchemaModel schema) {
    return Objects.requireNonNull(classNames.get(schema.name()), schema.name());
  }

  /** The sealed interfaces a record implements. */
  Set<ClassName> interfacesOf(SchemaModel schema) {
    return interfaces.getOrDefault(schema.name(), Set.of());
  }

  /** Whether a union deserializer reads this record, so the record must not inherit it. */
  boolean isPickedByContent(SchemaModel schema) {
    return pickedByContent.contains(schema.name());
  }

  /** Every schema, in graph order (deterministic for a document). */
  Iterable<SchemaModel> schemas() {
    return graph.all();
  }

  /** The alternatives of a union: {@code oneOf} then {@code anyOf}, without duplicates or nulls. */
  List<SchemaRef> variants(SchemaModel schema) {
    Set<SchemaRef> out = new LinkedHashSet<>();
    for (SchemaRef ref : schema.oneOf()) if (!isNullOnly(ref.get())) out.add(ref);
    for (SchemaRef ref : schema.anyOf()) if (!isNullOnly(ref.get())) out.add(ref);
    return List.copyOf(out);
  }

  /**
   * The discriminator property of a union, when Jackson type info can use it: every variant must be
   * a record that declares the property.
   */
  String discriminatorOf(SchemaModel union) {
    String property = union.discriminator();
    if (property == null) return null;
    for (SchemaRef variant : variants(union)) {
      SchemaModel v = variant.get();
      if (kind(v) != Kind.RECORD || !ObjectShape.of(v).properties().containsKey(property))
        return null;
    }
    return property;
  }

  /** The Java type a schema maps to; {@code null} (no schema) means any JSON. */
  TypeName typeOf(SchemaRef ref) {
    if (ref == null) return TypeNames.JSON_NODE;
    TypeName known = types.get(ref.name());
    if (known != null) return known;
    // A schema that is its own array item or allOf part has no finite Java type.
    if (!typing.add(ref.name())) return TypeNames.JSON_NODE;
    try {
      TypeName type = computeType(ref.get());
      types.put(ref.name(), type);
      return type;
    } finally {
      typing.remove(ref.name());
    }
  }

  private TypeName computeType(SchemaModel s) {
    Kind kind = kind(s);
    if (kind != Kind.LIBRARY) return className(s);
    if (s.foreignFormat() != null) return TypeNames.JSON_NODE;
    List<SchemaRef> variants = variants(s);
    if (variants.size() == 1) return typeOf(variants.get(0));
    if (s.allOf().size() == 1) return typeOf(s.allOf().get(0));
    JsonType type = singleType(s);
    if (type == null) return TypeNames.JSON_NODE;
    return switch (type) {
      case STRING -> stringType(s.format());
      case INTEGER -> "int32".equals(s.format()) ? TypeNames.INTEGER : TypeNames.LONG;
      case NUMBER -> numberType(s.format());
      case BOOLEAN -> TypeNames.BOOLEAN;
      case ARRAY -> ParameterizedTypeName.get(TypeNames.LIST, typeOf(s.items()));
      case OBJECT ->
          ParameterizedTypeName.get(
              TypeNames.MAP, TypeNames.STRING, typeOf(s.additionalProperties()));
      case NULL -> TypeNames.JSON_NODE;
    };
  }

  /**
   * {@code BigDecimal} unless the schema asks for binary floating point ({@code float}, {@code
   * double}): the APIs at hand are exchanges, and a {@code Double} would neither keep {@code
   * 3626.73} exact nor write {@code 1547760288} back as it came.
   */
  private static TypeName numberType(String format) {
    return "float".equals(format) || "double".equals(format)
        ? TypeNames.DOUBLE
        : TypeNames.BIG_DECIMAL;
  }

  private static TypeName stringType(String format) {
    if (format == null) return TypeNames.STRING;
    return switch (format) {
      case "date-time" -> TypeNames.OFFSET_DATE_TIME;
      case "date" -> TypeNames.LOCAL_DATE;
      case "uuid" -> TypeNames.UUID;
      case "uri" -> TypeNames.URI;
      case "byte", "binary" -> ArrayTypeName.of(TypeName.BYTE);
      default -> TypeNames.STRING;
    };
  }

  /**
   * The one JSON type a schema stands for: its declared non-null type, else the type of its {@code
   * const} or {@code enum} values, else {@code object} when it has property schemas.
   */
  static JsonType singleType(SchemaModel s) {
    List<JsonType> declared = s.types().stream().filter(t -> t != JsonType.NULL).toList();
    if (declared.size() == 1) return declared.get(0);
    if (declared.size() > 1) return null;
    if (s.constValue() != null) return typeOfValue(s.constValue().value());
    JsonType fromEnum = null;
    for (Object value : s.enumValues()) {
      if (value == null) continue;
      JsonType t = typeOfValue(value);
      if (fromEnum != null && fromEnum != t) return null;
      fromEnum = t;
    }
    if (fromEnum != null) return fromEnum;
    if (s.additionalProperties() != null) return JsonType.OBJECT;
    if (s.items() != null) return JsonType.ARRAY;
    return null;
  }

  static JsonType typeOfValue(Object value) {
    if (value instanceof String) return JsonType.STRING;
    if (value instanceof Long || value instanceof BigInteger) return JsonType.INTEGER;
    if (value instanceof Number) return JsonType.NUMBER;
    if (value instanceof Boolean) return JsonType.BOOLEAN;
    if (value instanceof List) return JsonType.ARRAY;
    if (value instanceof Map) return JsonType.OBJECT;
    return null;
  }

  private Kind classify(SchemaModel s) {
    if (s.foreignFormat() != null) return Kind.LIBRARY;
    if (variants(s).size() > 1) return Kind.UNION;
    if (!s.oneOf().isEmpty() || !s.anyOf().isEmpty()) return Kind.LIBRARY; // one real alternative
    if (s.properties().isEmpty() && s.allOf().size() == 1) return Kind.LIBRARY; // an alias
    if (!s.allOf().isEmpty()) return Kind.RECORD;
    if (isEnum(s)) return Kind.ENUM;
    if (!s.properties().isEmpty()) return Kind.RECORD;
    return Kind.LIBRARY;
  }

  /** A string or integer {@code enum} of more than one value (one value is a constant). */
  private static boolean isEnum(SchemaModel s) {
    List<Object> values = s.enumValues().stream().filter(Objects::nonNull).toList();
    if (values.size() < 2) return false;
    boolean strings = values.stream().allMatch(v -> v instanceof String);
    boolean integers = values.stream().allMatch(v -> v instanceof Long);
    JsonType declared = s.types().stream().filter(t -> t != JsonType.NULL).findFirst().orElse(null);
    if (strings) return declared == null || declared == JsonType.STRING;
    return integers && (declared == null || declared == JsonType.INTEGER);
  }

  private static boolean isNullOnly(SchemaModel s) {
    return s.types().equals(Set.of(JsonType.NULL));
  }

  /** The fixed value of a schema: its {@code const}, or the only value of its {@code enum}. */
  static Literal fixedValue(SchemaModel s) {
    if (s.constValue() != null) return s.constValue();
    if (s.enumValues().size() == 1) return new Literal(s.enumValues().get(0));
    return null;
  }
}
