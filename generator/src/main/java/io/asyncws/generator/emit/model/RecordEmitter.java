package io.asyncws.generator.emit.model;

import com.palantir.javapoet.AnnotationSpec;
import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.CodeBlock;
import com.palantir.javapoet.MethodSpec;
import com.palantir.javapoet.NameAllocator;
import com.palantir.javapoet.ParameterSpec;
import com.palantir.javapoet.ParameterizedTypeName;
import com.palantir.javapoet.TypeName;
import com.palantir.javapoet.TypeSpec;
import io.asyncws.generator.emit.JavaNames;
import io.asyncws.generator.emit.JavadocText;
import io.asyncws.generator.emit.TypeNames;
import io.asyncws.generator.model.Literal;
import io.asyncws.generator.model.SchemaModel;
import java.util.ArrayList;
import java.util.List;
import javax.lang.model.element.Modifier;

/**
 * Emits a record for an object schema ({@code allOf} parts merged in).
 *
 * <p>Every component has a boxed type and optional ones are null when absent: a primitive would
 * turn a missing number into 0 and hide a broken message. Required components are checked in the
 * constructor (and by Jackson, through {@code @JsonProperty(required = true)}) unless they are
 * {@code nullable}; {@code const} components are filled in when null and rejected when different;
 * {@code default}s replace null. Unknown properties are ignored unless the schema says {@code
 * additionalProperties: false}, because JSON Schema allows them; absent values are not written.
 */
final class RecordEmitter {
  private final ModelPlan plan;
  private final EnumConstants enums;

  RecordEmitter(ModelPlan plan) {
    this.plan = plan;
    this.enums = new EnumConstants(plan);
  }

  /** One record component and what the schema says about it. */
  private record Component(
      String json,
      String java,
      TypeName type,
      SchemaModel schema,
      boolean required,
      CodeBlock fixed,
      CodeBlock defaultValue) {

    boolean nullable() {
      return schema.nullable();
    }
  }

  TypeSpec emit(SchemaModel schema) {
    ClassName name = plan.className(schema);
    ObjectShape shape = ObjectShape.of(schema);
    NameAllocator names = JavaNames.memberAllocator();
    List<Component> components = components(shape, names);
    Component extra = additional(shape, names);

    CodeBlock.Builder doc =
        SchemaDocs.forType(schema, "The " + schema.name() + " object.").toBuilder();
    if (!components.isEmpty()) doc.add("\n");
    for (Component c : components) doc.add("@param $L $L\n", c.java(), describe(c));
    if (extra != null) {
      doc.add(
          "@param $L the properties the schema does not name, by name; empty when there are none\n",
          extra.java());
    }

    TypeSpec.Builder type =
        TypeSpec.recordBuilder(name)
            .addModifiers(Modifier.PUBLIC)
            .addJavadoc(doc.build())
            .addAnnotation(
                AnnotationSpec.builder(TypeNames.JSON_INCLUDE)
                    .addMember("value", "$T.NON_NULL", TypeNames.JSON_INCLUDE_INCLUDE)
                    .build());
    if (shape.additionalAllowed() && shape.additionalProperties() == null) {
      type.addAnnotation(
          AnnotationSpec.builder(TypeNames.JSON_IGNORE_PROPERTIES)
              .addMember("ignoreUnknown", "true")
              .build());
    }
    if (plan.isPickedByContent(schema)) {
      // The union's deserializer reads this record; inheriting it from the interface would loop.
      type.addAnnotation(
          AnnotationSpec.builder(TypeNames.JSON_DESERIALIZE)
              .addMember("using", "$T.class", TypeNames.JSON_DESERIALIZER_NONE)
              .build());
    }
    type.addSuperinterfaces(plan.interfacesOf(schema));

    boolean hasFixed = components.stream().anyMatch(c -> c.fixed() != null);
    MethodSpec.Builder canonical =
        MethodSpec.compactConstructorBuilder().addModifiers(Modifier.PUBLIC);
    for (Component c : components) canonical.addParameter(parameter(c));
    canonical.addCode(checks(components));
    if (extra != null) {
      canonical.addParameter(
          ParameterSpec.builder(extra.type(), extra.java())
              .addAnnotation(TypeNames.JSON_ANY_SETTER)
              .addAnnotation(TypeNames.JSON_ANY_GETTER)
              .build());
      canonical
          .beginControlFlow("if ($N == null)", extra.java())
          .addStatement("$N = $T.of()", extra.java(), TypeNames.MAP)
          .endControlFlow();
    }
    // Jackson must keep using the canonical constructor when a shorter one exists.
    if (hasFixed) canonical.addAnnotation(TypeNames.JSON_CREATOR);
    type.recordConstructor(canonical.build());

    if (hasFixed) type.addMethod(withoutFixed(components, extra));
    return type.build();
  }

  /**
   * The component that keeps {@code additionalProperties} described by a schema, or null: Jackson
   * (2.18+) fills it through {@code @JsonAnySetter} and writes it back flat through
   * {@code @JsonAnyGetter}. Without such a schema extra properties are ignored rather than kept.
   */
  private Component additional(ObjectShape shape, NameAllocator names) {
    if (shape.additionalProperties() == null) return null;
    TypeName type =
        ParameterizedTypeName.get(
            TypeNames.MAP, TypeNames.STRING, plan.typeOf(shape.additionalProperties()));
    String java = names.newName("additionalProperties", ADDITIONAL);
    return new Component(null, java, type, shape.additionalProperties().get(), false, null, null);
  }

  /** The allocator tag of the additional-properties component (property names are the others). */
  private static final Object ADDITIONAL = new Object();

  private List<Component> components(ObjectShape shape, NameAllocator names) {
    List<Component> out = new ArrayList<>();
    shape
        .properties()
        .forEach(
            (json, ref) -> {
              SchemaModel s = ref.get();
              String java = names.newName(JavaNames.camel(json, "property"), json);
              TypeName type = plan.typeOf(ref);
              Literal fixed = ModelPlan.fixedValue(s);
              CodeBlock fixedCode =
                  fixed == null ? null : Literals.of(type, fixed.value(), plan, enums);
              CodeBlock defaultCode =
                  s.defaultValue() == null
                      ? null
                      : Literals.of(type, s.defaultValue().value(), plan, enums);
              out.add(
                  new Component(
                      json, java, type, s, shape.isRequired(json), fixedCode, defaultCode));
            });
    return out;
  }

  private static ParameterSpec parameter(Component c) {
    ParameterSpec.Builder p = ParameterSpec.builder(c.type(), c.java());
    if (!c.java().equals(c.json()) || c.required()) {
      AnnotationSpec.Builder property = AnnotationSpec.builder(TypeNames.JSON_PROPERTY);
      if (c.required()) {
        property.addMember("value", "$S", c.json()).addMember("required", "true");
      } else {
        property.addMember("value", "$S", c.json());
      }
      p.addAnnotation(property.build());
    }
    if (c.required() && c.nullable()) {
      // A required null must still be written: the reader needs the property to be there.
      p.addAnnotation(
          AnnotationSpec.builder(TypeNames.JSON_INCLUDE)
              .addMember("value", "$T.ALWAYS", TypeNames.JSON_INCLUDE_INCLUDE)
              .build());
    }
    return p.build();
  }

  private static CodeBlock checks(List<Component> components) {
    CodeBlock.Builder code = CodeBlock.builder();
    for (Component c : components) {
      if (c.fixed() != null) {
        code.beginControlFlow("if ($N == null)", c.java())
            .addStatement("$N = $L", c.java(), c.fixed())
            .nextControlFlow("else if (!$N.equals($L))", c.java(), c.fixed())
            .addStatement(
                "throw new $T($S + $N)",
                IllegalArgumentException.class,
                c.json()
                    + " must be "
                    + SchemaDocs.json(ModelPlan.fixedValue(c.schema()).value())
                    + ", not ",
                c.java())
            .endControlFlow();
      } else if (c.defaultValue() != null) {
        code.beginControlFlow("if ($N == null)", c.java())
            .addStatement("$N = $L", c.java(), c.defaultValue())
            .endControlFlow();
      } else if (c.required() && !c.nullable()) {
        code.addStatement(
            "$T.requireNonNull($N, $S)", TypeNames.OBJECTS, c.java(), c.json() + " is required");
      }
    }
    return code.build();
  }

  /**
   * A constructor without the fixed components: {@code new Ping(42L)} rather than {@code new
   * Ping("ping", 42L)}.
   */
  private static MethodSpec withoutFixed(List<Component> components, Component extra) {
    MethodSpec.Builder ctor = MethodSpec.constructorBuilder().addModifiers(Modifier.PUBLIC);
    CodeBlock.Builder doc = CodeBlock.builder().add("Creates the record with its fixed values:");
    List<CodeBlock> args = new ArrayList<>();
    for (Component c : components) {
      if (c.fixed() != null) {
        doc.add(
            " {@code $L} is $L.",
            c.java(),
            JavadocText.sanitize(SchemaDocs.json(ModelPlan.fixedValue(c.schema()).value())));
        args.add(CodeBlock.of("null"));
      } else {
        ctor.addParameter(c.type(), c.java());
        args.add(CodeBlock.of("$N", c.java()));
      }
    }
    if (extra != null) {
      ctor.addParameter(extra.type(), extra.java());
      args.add(CodeBlock.of("$N", extra.java()));
    }
    doc.add("\n\n");
    for (Component c : components)
      if (c.fixed() == null) doc.add("@param $L $L\n", c.java(), describe(c));
    if (extra != null) doc.add("@param $L the properties the schema does not name\n", extra.java());
    return ctor.addJavadoc(doc.build())
        .addStatement("this($L)", CodeBlock.join(args, ",$W"))
        .build();
  }

  /** The component's Javadoc: its description, then what the schema requires of it. */
  private static String describe(Component c) {
    StringBuilder text = new StringBuilder(SchemaDocs.summary(c.schema()));
    if (text.length() > 0 && !text.toString().endsWith(".")) text.append('.');
    if (text.length() > 0) text.append(' ');
    Literal fixed = ModelPlan.fixedValue(c.schema());
    if (fixed != null) {
      text.append("Always ")
          .append(JavadocText.sanitize(SchemaDocs.json(fixed.value())))
          .append('.');
    } else if (c.required()) {
      text.append(c.nullable() ? "Required, may be null." : "Required.");
    } else if (c.defaultValue() != null) {
      // The constructor substitutes the default, so the component is never null.
      text.append("Optional: ")
          .append(JavadocText.sanitize(SchemaDocs.json(c.schema().defaultValue().value())))
          .append(" when absent.");
    } else {
      text.append(c.nullable() ? "Optional, may be null." : "Optional: null when absent.");
    }
    Literal dflt = c.schema().defaultValue();
    if (dflt != null && fixed == null && c.defaultValue() == null) {
      text.append(" The schema's default, not applied: ")
          .append(JavadocText.sanitize(SchemaDocs.json(dflt.value())))
          .append('.');
    }
    if (!c.java().equals(c.json())) {
      text.append(" JSON name: ")
          .append(JavadocText.sanitize(SchemaDocs.json(c.json())))
          .append('.');
    }
    return text.toString();
  }
}
