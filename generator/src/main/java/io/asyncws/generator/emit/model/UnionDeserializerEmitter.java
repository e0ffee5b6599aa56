package io.asyncws.generator.emit.model;

import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.CodeBlock;
import com.palantir.javapoet.FieldSpec;
import com.palantir.javapoet.MethodSpec;
import com.palantir.javapoet.ParameterizedTypeName;
import com.palantir.javapoet.TypeName;
import com.palantir.javapoet.TypeSpec;
import com.palantir.javapoet.WildcardTypeName;
import io.asyncws.generator.emit.JavaNames;
import io.asyncws.generator.emit.TypeNames;
import io.asyncws.generator.model.Literal;
import io.asyncws.generator.model.SchemaModel;
import io.asyncws.generator.model.SchemaRef;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import javax.lang.model.element.Modifier;

/**
 * Emits the deserializer of a union without a discriminator (the Kraken/Gemini pattern: every
 * variant pins {@code event} with {@code const}). A variant matches when the JSON has its type, its
 * fixed values where present and its required properties; when several match, those that declare
 * every property the JSON has win. No match, or (for {@code oneOf}) more than one, fails with a
 * {@code JsonMappingException} naming the union and the variants.
 */
final class UnionDeserializerEmitter {
  private final ModelPlan plan;

  UnionDeserializerEmitter(ModelPlan plan) {
    this.plan = plan;
  }

  TypeSpec emit(
      SchemaModel union, ClassName unionType, ClassName name, List<UnionEmitter.Variant> variants) {
    TypeName variantClass =
        ParameterizedTypeName.get(
            ClassName.get(Class.class), WildcardTypeName.subtypeOf(unionType));
    TypeName variantList = ParameterizedTypeName.get(TypeNames.LIST, variantClass);
    TypeName stringSet = ParameterizedTypeName.get(TypeNames.SET, TypeNames.STRING);
    boolean oneOf = !union.oneOf().isEmpty();

    TypeSpec.Builder type =
        TypeSpec.classBuilder(name)
            .addModifiers(Modifier.PUBLIC, Modifier.STATIC, Modifier.FINAL)
            .addJavadoc("Reads a {@link $T} by picking the variant the JSON matches.\n", unionType)
            .superclass(ParameterizedTypeName.get(TypeNames.STD_DESERIALIZER, unionType))
            .addField(
                FieldSpec.builder(
                        TypeName.LONG,
                        "serialVersionUID",
                        Modifier.PRIVATE,
                        Modifier.STATIC,
                        Modifier.FINAL)
                    .initializer("1L")
                    .build())
            .addMethod(
                MethodSpec.constructorBuilder()
                    .addJavadoc("Creates the deserializer; Jackson calls this.\n")
                    .addModifiers(Modifier.PUBLIC)
                    .addStatement("super($T.class)", unionType)
                    .build());

    MethodSpec.Builder deserialize =
        MethodSpec.methodBuilder("deserialize")
            .addAnnotation(Override.class)
            .addModifiers(Modifier.PUBLIC)
            .returns(unionType)
            .addParameter(TypeNames.JSON_PARSER, "parser")
            .addParameter(TypeNames.DESERIALIZATION_CONTEXT, "context")
            .addException(TypeNames.IO_EXCEPTION)
            .addStatement("$T node = parser.readValueAsTree()", TypeNames.JSON_NODE)
            .addStatement("$T matches = new $T<>()", variantList, TypeNames.ARRAY_LIST);
    for (UnionEmitter.Variant v : variants) {
      String test = "is" + v.type().simpleName();
      deserialize.addStatement("if ($N(node)) matches.add($T.class)", test, v.type());
      type.addMethod(
          MethodSpec.methodBuilder(test)
              .addModifiers(Modifier.PRIVATE, Modifier.STATIC)
              .returns(TypeName.BOOLEAN)
              .addParameter(TypeNames.JSON_NODE, "node")
              .addStatement("return $L", condition(v.schema(), new HashSet<>()))
              .build());
    }
    // Narrowing: of several candidates, prefer the records that declare every property present.
    CodeBlock.Builder narrow =
        CodeBlock.builder()
            .beginControlFlow("if (matches.size() > 1)")
            .addStatement("$T exact = new $T<>()", variantList, TypeNames.ARRAY_LIST);
    boolean canNarrow = false;
    for (UnionEmitter.Variant v : variants) {
      Set<String> declared = declaredProperties(v.schema(), new HashSet<>());
      if (declared == null) continue;
      String field = JavaNames.constant(v.type().simpleName()) + "_PROPERTIES";
      type.addField(
          FieldSpec.builder(stringSet, field, Modifier.PRIVATE, Modifier.STATIC, Modifier.FINAL)
              .initializer(
                  "$T.of($L)",
                  TypeNames.SET,
                  CodeBlock.join(declared.stream().map(p -> CodeBlock.of("$S", p)).toList(), ",$W"))
              .build());
      narrow.addStatement(
          "if (matches.contains($T.class) && declaresAll($N, node)) exact.add($T.class)",
          v.type(),
          field,
          v.type());
      canNarrow = true;
    }
    narrow.addStatement("if (!exact.isEmpty()) matches = exact").endControlFlow();
    if (canNarrow) deserialize.addCode(narrow.build());

    String expected = String.join(", ", variants.stream().map(v -> v.type().simpleName()).toList());
    deserialize
        .beginControlFlow("if (matches.isEmpty())")
        .addStatement(
            "throw $T.from(parser,$W$S + describe(node) + $S)",
            TypeNames.JSON_MAPPING_EXCEPTION,
            "No variant of " + unionType.simpleName() + " matches ",
            "; expected one of: " + expected)
        .endControlFlow();
    if (oneOf) {
      deserialize
          .beginControlFlow("if (matches.size() > 1)")
          .addStatement(
              "throw $T.from(parser,$W$S + names(matches) + $S + describe(node))",
              TypeNames.JSON_MAPPING_EXCEPTION,
              "Ambiguous " + unionType.simpleName() + ": ",
              " all match ")
          .endControlFlow();
    }
    deserialize.addStatement("return context.readTreeAsValue(node, matches.get(0))");
    type.addMethod(deserialize.build());

    if (canNarrow) type.addMethod(declaresAll(stringSet));
    type.addMethod(
        MethodSpec.methodBuilder("describe")
            .addModifiers(Modifier.PRIVATE, Modifier.STATIC)
            .returns(TypeNames.STRING)
            .addParameter(TypeNames.JSON_NODE, "node")
            .addStatement("$T json = node.toString()", TypeNames.STRING)
            .addComment(
                "Long messages would flood logs; the start is enough to recognise the message.")
            .addStatement("return json.length() <= 200 ? json : json.substring(0, 200) + \"...\"")
            .build());
    if (oneOf) {
      type.addMethod(
          MethodSpec.methodBuilder("names")
              .addModifiers(Modifier.PRIVATE, Modifier.STATIC)
              .returns(TypeNames.STRING)
              .addParameter(variantList, "variants")
              .addStatement(
                  "$T<$T> names = new $T<>()",
                  TypeNames.LIST,
                  TypeNames.STRING,
                  TypeNames.ARRAY_LIST)
              .addStatement(
                  "for ($T variant : variants) names.add(variant.getSimpleName())", variantClass)
              .addStatement("return String.join($S, names)", " and ")
              .build());
    }
    return type.build();
  }

  private static MethodSpec declaresAll(TypeName stringSet) {
    return MethodSpec.methodBuilder("declaresAll")
        .addModifiers(Modifier.PRIVATE, Modifier.STATIC)
        .returns(TypeName.BOOLEAN)
        .addParameter(stringSet, "declared")
        .addParameter(TypeNames.JSON_NODE, "node")
        .beginControlFlow(
            "for ($T<$T> names = node.fieldNames(); names.hasNext(); )",
            TypeNames.ITERATOR,
            TypeNames.STRING)
        .addStatement("if (!declared.contains(names.next())) return false")
        .endControlFlow()
        .addStatement("return true")
        .build();
  }

  /**
   * The properties a variant's JSON may have: a record's, or for a nested union those of all its
   * record variants; null when the variant is not an object (it never competes with records).
   */
  private Set<String> declaredProperties(SchemaRef ref, Set<String> seen) {
    SchemaModel s = ref.get();
    if (!seen.add(s.name())) return null;
    if (plan.kind(s) == ModelPlan.Kind.RECORD) return ObjectShape.of(s).properties().keySet();
    if (plan.kind(s) != ModelPlan.Kind.UNION) return null;
    Set<String> all = new java.util.LinkedHashSet<>();
    for (SchemaRef inner : plan.variants(s)) {
      Set<String> declared = declaredProperties(inner, seen);
      if (declared != null) all.addAll(declared);
    }
    return all.isEmpty() ? null : all;
  }

  /** A boolean expression over {@code node} that is true when the JSON can be {@code ref}. */
  private CodeBlock condition(SchemaRef ref, Set<String> seen) {
    SchemaModel s = ref.get();
    if (!seen.add(s.name())) return CodeBlock.of("true"); // a union that contains itself
    switch (plan.kind(s)) {
      case RECORD:
        {
          List<CodeBlock> parts = new ArrayList<>();
          parts.add(CodeBlock.of("node.isObject()"));
          ObjectShape shape = ObjectShape.of(s);
          shape
              .properties()
              .forEach(
                  (property, propertyRef) -> {
                    CodeBlock fixed = fixedTest(property, ModelPlan.fixedValue(propertyRef.get()));
                    boolean required = shape.isRequired(property);
                    if (fixed != null) {
                      parts.add(
                          required
                              ? fixed
                              : CodeBlock.of("(!node.has($S) || $L)", property, fixed));
                    } else if (required) {
                      parts.add(CodeBlock.of("node.has($S)", property));
                    }
                  });
          return CodeBlock.join(parts, "$W&& ");
        }
      case ENUM:
        return CodeBlock.of(
            EnumConstants.constants(s).keySet().stream().allMatch(v -> v instanceof Long)
                ? "node.isIntegralNumber()"
                : "node.isTextual()");
      case UNION:
        {
          List<CodeBlock> any = new ArrayList<>();
          for (SchemaRef inner : plan.variants(s))
            any.add(CodeBlock.of("($L)", condition(inner, seen)));
          return any.isEmpty() ? CodeBlock.of("true") : CodeBlock.join(any, "$W|| ");
        }
      default:
        return libraryCondition(s);
    }
  }

  private static CodeBlock libraryCondition(SchemaModel s) {
    var type = ModelPlan.singleType(s);
    if (type == null) return CodeBlock.of("true");
    CodeBlock test =
        switch (type) {
          case STRING -> CodeBlock.of("node.isTextual()");
          case INTEGER -> CodeBlock.of("node.isIntegralNumber()");
          case NUMBER -> CodeBlock.of("node.isNumber()");
          case BOOLEAN -> CodeBlock.of("node.isBoolean()");
          case ARRAY -> CodeBlock.of("node.isArray()");
          case OBJECT -> CodeBlock.of("node.isObject()");
          case NULL -> CodeBlock.of("node.isNull()");
        };
    Literal fixed = ModelPlan.fixedValue(s);
    if (fixed != null && fixed.value() instanceof String value) {
      return CodeBlock.of("$S.equals(node.textValue())", value);
    }
    return test;
  }

  /** {@code "ping".equals(node.path("event").textValue())}, or null for values not tested. */
  private static CodeBlock fixedTest(String property, Literal fixed) {
    if (fixed == null) return null;
    Object value = fixed.value();
    if (value instanceof String s)
      return CodeBlock.of("$S.equals(node.path($S).textValue())", s, property);
    if (value instanceof Boolean b)
      return CodeBlock.of(
          "node.path($S).isBoolean() && node.path($S).booleanValue() == $L", property, property, b);
    if (value instanceof Long l) {
      return CodeBlock.of(
          "node.path($S).isIntegralNumber() && node.path($S).longValue() == $LL",
          property,
          property,
          l);
    }
    return null;
  }
}
