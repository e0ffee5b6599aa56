package io.asyncws.generator.emit.model;

import com.palantir.javapoet.AnnotationSpec;
import com.palantir.javapoet.ArrayTypeName;
import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.CodeBlock;
import com.palantir.javapoet.MethodSpec;
import com.palantir.javapoet.NameAllocator;
import com.palantir.javapoet.ParameterSpec;
import com.palantir.javapoet.ParameterizedTypeName;
import com.palantir.javapoet.TypeName;
import com.palantir.javapoet.TypeSpec;
import io.asyncws.generator.emit.TypeNames;
import io.asyncws.generator.model.Literal;
import io.asyncws.generator.model.SchemaModel;
import io.asyncws.generator.model.SchemaRef;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import javax.lang.model.element.Modifier;

/**
 * Emits a sealed interface for a {@code oneOf}/{@code anyOf} schema. Record variants implement it
 * (a record in two unions implements both); other variants (strings, numbers, arrays, other unions)
 * get a nested wrapper record. With a usable {@code discriminator} Jackson's type info picks the
 * variant; without one a generated {@link UnionDeserializerEmitter deserializer} does.
 */
final class UnionEmitter {
  private final ModelPlan plan;

  UnionEmitter(ModelPlan plan) {
    this.plan = plan;
  }

  /** A variant: the schema and the class that represents it in Java. */
  record Variant(SchemaRef schema, ClassName type, boolean wrapper) {}

  TypeSpec emit(SchemaModel union) {
    ClassName name = plan.className(union);
    List<Variant> variants = variants(union, name);
    String discriminator = plan.discriminatorOf(union);

    CodeBlock.Builder doc = SchemaDocs.forType(union, "One of several shapes.").toBuilder();
    doc.add("\n<p>$L of: ", union.oneOf().isEmpty() ? "Any" : "One");
    for (int i = 0; i < variants.size(); i++) {
      doc.add(i == 0 ? "{@link $T}" : ", {@link $T}", variants.get(i).type());
    }
    if (discriminator == null) {
      doc.add(".\nThe variant is chosen by its fixed values, required properties and JSON type.\n");
    } else {
      doc.add(".\nThe variant is chosen by the {@code $L} property.\n", discriminator);
    }

    TypeSpec.Builder type =
        TypeSpec.interfaceBuilder(name)
            .addModifiers(Modifier.PUBLIC, Modifier.SEALED)
            .addJavadoc(doc.build());
    for (Variant v : variants) type.addPermittedSubclass(v.type());

    if (discriminator != null) {
      type.addAnnotation(
          AnnotationSpec.builder(TypeNames.JSON_TYPE_INFO)
              .addMember("use", "$T.NAME", TypeNames.JSON_TYPE_INFO_ID)
              .addMember("include", "$T.EXISTING_PROPERTY", TypeNames.JSON_TYPE_INFO_AS)
              .addMember("property", "$S", discriminator)
              .addMember("visible", "true")
              .build());
      AnnotationSpec.Builder subTypes = AnnotationSpec.builder(TypeNames.JSON_SUB_TYPES);
      for (Variant v : variants) subTypes.addMember("value", "$L", subType(v, discriminator));
      type.addAnnotation(subTypes.build());
    } else {
      ClassName deserializer = name.nestedClass("Deserializer");
      type.addAnnotation(
          AnnotationSpec.builder(TypeNames.JSON_DESERIALIZE)
              .addMember("using", "$T.class", deserializer)
              .build());
      type.addType(new UnionDeserializerEmitter(plan).emit(union, name, deserializer, variants));
    }
    for (Variant v : variants) if (v.wrapper()) type.addType(wrapper(v, name));
    return type.build();
  }

  private List<Variant> variants(SchemaModel union, ClassName name) {
    NameAllocator wrapperNames = new NameAllocator();
    List<Variant> out = new ArrayList<>();
    for (SchemaRef ref : plan.variants(union)) {
      if (plan.kind(ref.get()) == ModelPlan.Kind.RECORD) {
        out.add(new Variant(ref, plan.className(ref.get()), false));
      } else {
        String simple = wrapperNames.newName("Of" + simpleName(plan.typeOf(ref)), ref);
        out.add(new Variant(ref, name.nestedClass(simple), true));
      }
    }
    return out;
  }

  private static String simpleName(TypeName type) {
    if (type instanceof ClassName c) return c.simpleName();
    if (type instanceof ParameterizedTypeName p) return p.rawType().simpleName();
    if (type instanceof ArrayTypeName) return "Bytes";
    return "Value";
  }

  /** {@code @JsonSubTypes.Type(value = Ping.class, name = "ping")}. */
  private CodeBlock subType(Variant v, String discriminator) {
    Set<String> names = new LinkedHashSet<>();
    SchemaModel property = ObjectShape.of(v.schema().get()).properties().get(discriminator).get();
    Literal fixed = ModelPlan.fixedValue(property);
    if (fixed != null && fixed.value() instanceof String s) {
      names.add(s);
    } else {
      for (Object value : property.enumValues()) if (value instanceof String s) names.add(s);
    }
    if (names.isEmpty()) {
      SchemaModel s = v.schema().get();
      names.add(s.componentName() != null ? s.componentName() : s.name());
    }
    if (names.size() == 1) {
      return CodeBlock.of(
          "@$T(value = $T.class, name = $S)",
          TypeNames.JSON_SUB_TYPES_TYPE,
          v.type(),
          names.iterator().next());
    }
    CodeBlock list = CodeBlock.join(names.stream().map(n -> CodeBlock.of("$S", n)).toList(), ", ");
    return CodeBlock.of(
        "@$T(value = $T.class, names = {$L})", TypeNames.JSON_SUB_TYPES_TYPE, v.type(), list);
  }

  /** {@code record OfString(@JsonValue String value) implements Union}: a non-record variant. */
  private TypeSpec wrapper(Variant v, ClassName union) {
    TypeName valueType = plan.typeOf(v.schema());
    String summary = SchemaDocs.summary(v.schema().get());
    MethodSpec constructor =
        MethodSpec.compactConstructorBuilder()
            .addModifiers(Modifier.PUBLIC)
            .addAnnotation(
                AnnotationSpec.builder(TypeNames.JSON_CREATOR)
                    .addMember("mode", "$T.DELEGATING", TypeNames.JSON_CREATOR_MODE)
                    .build())
            .addParameter(
                ParameterSpec.builder(valueType, "value")
                    .addAnnotation(TypeNames.JSON_VALUE)
                    .build())
            .addStatement("$T.requireNonNull(value, $S)", TypeNames.OBJECTS, "value")
            .build();
    return TypeSpec.recordBuilder(v.type())
        .addModifiers(Modifier.PUBLIC, Modifier.STATIC)
        .addJavadoc(
            "{@link $T} as {@code $L}$L\n\n@param value the value, written as itself in JSON\n",
            union,
            simpleName(valueType),
            summary.isEmpty() ? "." : ": " + summary)
        .addAnnotation(
            AnnotationSpec.builder(TypeNames.JSON_DESERIALIZE)
                .addMember("using", "$T.class", TypeNames.JSON_DESERIALIZER_NONE)
                .build())
        .addSuperinterface(union)
        .recordConstructor(constructor)
        .build();
  }
}
