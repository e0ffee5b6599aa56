package io.asyncws.generator.emit.model;

import com.palantir.javapoet.AnnotationSpec;
import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.MethodSpec;
import com.palantir.javapoet.TypeName;
import com.palantir.javapoet.TypeSpec;
import io.asyncws.generator.emit.JavadocText;
import io.asyncws.generator.emit.TypeNames;
import io.asyncws.generator.model.SchemaModel;
import java.util.Map;
import javax.lang.model.element.Modifier;

/**
 * Emits a Java enum for a string or integer {@code enum} schema. Every constant carries its JSON
 * value, written by {@code @JsonValue} and read by a {@code @JsonCreator} factory, so values that
 * are not identifiers ({@code cancel_only}, {@code XBT/EUR}, {@code 5}) round-trip unchanged.
 */
final class EnumEmitter {
  private EnumEmitter() {}

  static TypeSpec emit(ModelPlan plan, SchemaModel schema) {
    ClassName name = plan.className(schema);
    Map<Object, String> constants = EnumConstants.constants(schema);
    boolean integers = constants.keySet().stream().allMatch(v -> v instanceof Long);
    TypeName valueType = integers ? TypeName.LONG : TypeNames.STRING;

    TypeSpec.Builder type =
        TypeSpec.enumBuilder(name)
            .addModifiers(Modifier.PUBLIC)
            .addJavadoc(SchemaDocs.forType(schema, "The values of " + schema.name() + "."));
    constants.forEach(
        (value, constant) ->
            type.addEnumConstant(
                constant,
                TypeSpec.anonymousClassBuilder(integers ? "$LL" : "$S", value)
                    .addJavadoc("$L in JSON.\n", JavadocText.sanitize(SchemaDocs.json(value)))
                    .build()));

    type.addField(valueType, "value", Modifier.PRIVATE, Modifier.FINAL);
    type.addMethod(
        MethodSpec.constructorBuilder()
            .addParameter(valueType, "value")
            .addStatement("this.value = value")
            .build());
    type.addMethod(
        MethodSpec.methodBuilder("value")
            .addJavadoc("The value as it is written in JSON.\n")
            .addAnnotation(TypeNames.JSON_VALUE)
            .addModifiers(Modifier.PUBLIC)
            .returns(valueType)
            .addStatement("return value")
            .build());
    type.addMethod(
        MethodSpec.methodBuilder("fromValue")
            .addJavadoc(
                "The constant written {@code value} in JSON.\n\n"
                    + "@param value the JSON value\n"
                    + "@throws IllegalArgumentException when no constant has this value\n")
            .addAnnotation(AnnotationSpec.builder(TypeNames.JSON_CREATOR).build())
            .addModifiers(Modifier.PUBLIC, Modifier.STATIC)
            .returns(name)
            .addParameter(valueType, "value")
            .beginControlFlow("for ($T constant : values())", name)
            .beginControlFlow(
                integers ? "if (constant.value == value)" : "if (constant.value.equals(value))")
            .addStatement("return constant")
            .endControlFlow()
            .endControlFlow()
            .addStatement(
                "throw new $T($S + value)",
                IllegalArgumentException.class,
                "Not a value of " + name.simpleName() + ": ")
            .build());
    return type.build();
  }
}
