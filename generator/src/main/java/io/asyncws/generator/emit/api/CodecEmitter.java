package io.asyncws.generator.emit.api;

import static io.asyncws.generator.emit.api.ApiTypes.CONTRACT_VIOLATION;
import static io.asyncws.generator.emit.api.ApiTypes.JSON_NODE;
import static io.asyncws.generator.emit.api.ApiTypes.JSON_POINTER;
import static io.asyncws.generator.emit.api.ApiTypes.JSON_PROCESSING_EXCEPTION;
import static io.asyncws.generator.emit.api.ApiTypes.OBJECT_NODE;
import static io.asyncws.generator.emit.api.ApiTypes.VIOLATION_KIND;

import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.FieldSpec;
import com.palantir.javapoet.MethodSpec;
import com.palantir.javapoet.ParameterizedTypeName;
import com.palantir.javapoet.TypeName;
import com.palantir.javapoet.TypeSpec;
import com.palantir.javapoet.TypeVariableName;
import java.io.IOException;
import java.util.List;
import javax.lang.model.element.Modifier;

/**
 * Emits {@code XxxCodec}: the one Jackson mapper of an API, and the JSON chores its client and
 * server share (encoding, parsing, binding with contract errors, choosing among candidate
 * messages, reading and writing correlation ids).
 *
 * <p>Trees are read by one {@code ObjectReader}, and payloads bound and written through one
 * {@code ObjectReader}/{@code ObjectWriter} per class, made on first use and kept in a {@code
 * ClassValue}: unlike the mapper's own {@code readTree}, {@code treeToValue} and {@code
 * writeValueAsString}, they resolve the type and its (de)serializer once rather than on every
 * message (a profile of the generated echo server had those per-message type lookups at about a
 * tenth of its time).
 */
final class CodecEmitter {
  private static final ClassName OBJECT_READER = ClassName.get("com.fasterxml.jackson.databind", "ObjectReader");
  private static final ClassName OBJECT_WRITER = ClassName.get("com.fasterxml.jackson.databind", "ObjectWriter");

  private CodecEmitter() {}

  /** {@code static final ClassValue<ObjectReader|ObjectWriter> NAME}, made by {@code MAPPER.factory(type)}. */
  private static FieldSpec perClass(ClassName kind, String name, String factory, String doc) {
    TypeName type = ParameterizedTypeName.get(ClassName.get(ClassValue.class), kind);
    TypeSpec computer = TypeSpec.anonymousClassBuilder("")
        .superclass(type)
        .addMethod(MethodSpec.methodBuilder("computeValue")
            .addAnnotation(Override.class)
            .addModifiers(Modifier.PROTECTED)
            .returns(kind)
            .addParameter(ParameterizedTypeName.get(ClassName.get(Class.class), TypeVariableName.get("?")), "type")
            .addStatement("return MAPPER.$L(type)", factory)
            .build())
        .build();
    return FieldSpec.builder(type, name, Modifier.PRIVATE, Modifier.STATIC, Modifier.FINAL)
        .addJavadoc(doc)
        .initializer("$L", computer)
        .build();
  }

  /**
   * @param directBinding whether a client or session of the API binds a message straight from its
   *     text ({@code receiveDirect}), which needs {@code bind}
   */
  static TypeSpec emit(ClassName codec, String title, boolean directBinding) {
    TypeVariableName t = TypeVariableName.get("T");
    TypeSpec.Builder type = TypeSpec.classBuilder(codec)
        .addModifiers(Modifier.FINAL)
        .addJavadoc("JSON encoding and message recognition shared by the $L client and server.\n",
            ApiNames.javadoc(title))
        .addField(FieldSpec.builder(ApiTypes.OBJECT_MAPPER, "MAPPER", Modifier.STATIC, Modifier.FINAL)
            .addJavadoc("Unknown properties are allowed, as JSON Schema allows them; absent optional"
                + " values are left out rather than sent as null.\n")
            .initializer("$T.builder()\n.findAndAddModules()\n.disable($T.FAIL_ON_UNKNOWN_PROPERTIES)\n"
                    + ".serializationInclusion($T.Include.NON_ABSENT)\n.build()",
                ApiTypes.JSON_MAPPER, ApiTypes.DESERIALIZATION_FEATURE, ApiTypes.JSON_INCLUDE)
            .build())
        .addField(FieldSpec.builder(OBJECT_READER, "TREE", Modifier.PRIVATE, Modifier.STATIC, Modifier.FINAL)
            .addJavadoc("Reads message trees; made once, as the mapper's own readTree looks the tree type up per call.\n")
            .initializer("MAPPER.readerFor($T.class)", JSON_NODE)
            .build())
        .addField(perClass(OBJECT_READER, "READERS", "readerFor",
            "One reader per payload class: its deserializer is found once, not per message.\n"))
        .addField(perClass(OBJECT_WRITER, "WRITERS", "writerFor",
            "One writer per payload class: its serializer is found once, not per message.\n"))
        .addMethod(MethodSpec.constructorBuilder().addModifiers(Modifier.PRIVATE).build())
        .addMethod(MethodSpec.methodBuilder("encode")
            .addJavadoc("The JSON text of {@code payload}.\n")
            .addModifiers(Modifier.STATIC)
            .returns(String.class)
            .addParameter(Object.class, "payload")
            .beginControlFlow("try")
            .addStatement("return (payload == null ? MAPPER.writer() : WRITERS.get(payload.getClass()))"
                + ".writeValueAsString(payload)")
            .nextControlFlow("catch ($T e)", JSON_PROCESSING_EXCEPTION)
            .addStatement("throw new $T($S + e.getOriginalMessage(), e)", IllegalArgumentException.class,
                "the payload cannot be written as JSON: ")
            .endControlFlow()
            .build())
        .addMethod(MethodSpec.methodBuilder("tree")
            .addJavadoc("{@code payload} as a JSON tree, to add a correlation id to.\n")
            .addModifiers(Modifier.STATIC)
            .returns(JSON_NODE)
            .addParameter(Object.class, "payload")
            .addStatement("return MAPPER.valueToTree(payload)")
            .build())
        .addMethod(MethodSpec.methodBuilder("parse")
            .addJavadoc("Parses an incoming text message.\n")
            .addModifiers(Modifier.STATIC)
            .returns(JSON_NODE)
            .addParameter(String.class, "text")
            .addException(CONTRACT_VIOLATION)
            .beginControlFlow("try")
            .addStatement("$T node = TREE.readTree(text)", JSON_NODE)
            .beginControlFlow("if (node == null || node.isMissingNode())")
            .addStatement("throw new $T($T.NOT_JSON, $S)", CONTRACT_VIOLATION, VIOLATION_KIND, "the message is empty")
            .endControlFlow()
            .addStatement("return node")
            .nextControlFlow("catch ($T e)", JSON_PROCESSING_EXCEPTION)
            .addStatement("throw new $T($T.NOT_JSON, $S + e.getOriginalMessage(), e)", CONTRACT_VIOLATION,
                VIOLATION_KIND, "the message is not JSON: ")
            .endControlFlow()
            .build())
        .addMethod(MethodSpec.methodBuilder("decode")
            .addJavadoc("Binds {@code node}, recognised as message {@code name}, to its payload type.\n")
            .addModifiers(Modifier.STATIC)
            .addTypeVariable(t)
            .returns(t)
            .addParameter(JSON_NODE, "node")
            .addParameter(ParameterizedTypeName.get(ClassName.get(Class.class), t), "type")
            .addParameter(String.class, "name")
            .addException(CONTRACT_VIOLATION)
            .beginControlFlow("try")
            .addStatement("return READERS.get(type).readValue(node)")
            // A tree is read without I/O: the IOException the signature names is a binding error.
            .nextControlFlow("catch ($T | $T e)", IOException.class, IllegalArgumentException.class)
            .addStatement("throw new $T($T.INVALID, $S + name + $S + e.getMessage(), e)", CONTRACT_VIOLATION,
                VIOLATION_KIND, "the message looks like '", "' but does not fit its schema: ")
            .endControlFlow()
            .build())
        .addMethod(MethodSpec.methodBuilder("decode")
            .addJavadoc("Binds {@code node} to a generic payload type such as a list.\n")
            .addModifiers(Modifier.STATIC)
            .addTypeVariable(t)
            .returns(t)
            .addParameter(JSON_NODE, "node")
            .addParameter(ParameterizedTypeName.get(ApiTypes.TYPE_REFERENCE, t), "type")
            .addParameter(String.class, "name")
            .addException(CONTRACT_VIOLATION)
            .beginControlFlow("try")
            .addStatement("return MAPPER.convertValue(node, type)")
            .nextControlFlow("catch ($T e)", IllegalArgumentException.class)
            .addStatement("throw new $T($T.INVALID, $S + name + $S + e.getMessage(), e)", CONTRACT_VIOLATION,
                VIOLATION_KIND, "the message looks like '", "' but does not fit its schema: ")
            .endControlFlow()
            .build())
        .addMethod(MethodSpec.methodBuilder("choose")
            .addJavadoc("The index of the one best-scoring candidate; see the score methods of the"
                + " receivers.\n\n@param names the candidates' names, for the error message\n"
                + "@param scores each candidate's score: -1 when it does not fit, else how many"
                + " {@code const} properties matched\n")
            .addModifiers(Modifier.STATIC)
            .returns(int.class)
            .addParameter(ParameterizedTypeName.get(ClassName.get(List.class), ClassName.get(String.class)), "names")
            .addParameter(int[].class, "scores")
            .varargs()
            .addException(CONTRACT_VIOLATION)
            .addStatement("int best = -1")
            .addStatement("int bestScore = -1")
            .addStatement("boolean tie = false")
            .beginControlFlow("for (int i = 0; i < scores.length; i++)")
            .beginControlFlow("if (scores[i] > bestScore)")
            .addStatement("best = i")
            .addStatement("bestScore = scores[i]")
            .addStatement("tie = false")
            .nextControlFlow("else if (scores[i] == bestScore && bestScore >= 0)")
            .addStatement("tie = true")
            .endControlFlow()
            .endControlFlow()
            .beginControlFlow("if (best < 0)")
            .addStatement("throw new $T($T.UNKNOWN, $S + names)", CONTRACT_VIOLATION, VIOLATION_KIND,
                "the message is none of those expected here: ")
            .endControlFlow()
            .beginControlFlow("if (tie)")
            .addStatement("throw new $T($T.AMBIGUOUS, $S + names)", CONTRACT_VIOLATION, VIOLATION_KIND,
                "the message fits more than one of: ")
            .endControlFlow()
            .addStatement("return best")
            .build())
        .addMethod(MethodSpec.methodBuilder("correlationId")
            .addJavadoc("The correlation id at {@code pointer} as text, or null when there is none.\n")
            .addModifiers(Modifier.STATIC)
            .returns(String.class)
            .addParameter(JSON_NODE, "node")
            .addParameter(String.class, "pointer")
            .addStatement("$T id = node.at(pointer)", JSON_NODE)
            .beginControlFlow("if (id.isMissingNode() || id.isNull())")
            .addStatement("return null")
            .endControlFlow()
            .addStatement("return id.isValueNode() ? id.asText() : id.toString()")
            .build())
        .addMethod(MethodSpec.methodBuilder("putCorrelationId")
            .addJavadoc("Puts {@code id} at {@code pointer} in {@code tree}, which must be an object there.\n")
            .addModifiers(Modifier.STATIC)
            .addParameter(JSON_NODE, "tree")
            .addParameter(String.class, "pointer")
            .addParameter(JSON_NODE, "id")
            .addStatement("$T path = $T.compile(pointer)", JSON_POINTER, JSON_POINTER)
            .addStatement("$T parent = tree.at(path.head())", JSON_NODE)
            .beginControlFlow("if (!(parent instanceof $T object))", OBJECT_NODE)
            .addStatement("throw new $T($S + pointer + $S)", IllegalArgumentException.class,
                "the message has no object to hold the correlation id at ", "")
            .endControlFlow()
            .addStatement("object.set(path.last().getMatchingProperty(), id)")
            .build());
    if (directBinding) type.addMethod(bind(t));
    return type.build();
  }

  /** {@code static <T> T bind(String text, Class<T> type)}: one parse, null for the full path. */
  private static MethodSpec bind(TypeVariableName t) {
    return MethodSpec.methodBuilder("bind")
        .addJavadoc("$L",
            "{@code text} bound straight to the record {@code type} in one parse, or null when it"
                + " is not a JSON object that binds: then the caller recognises it the full way,"
                + " which also says what is wrong.\n")
        .addModifiers(Modifier.STATIC)
        .addTypeVariable(t)
        .returns(t)
        .addParameter(String.class, "text")
        .addParameter(ParameterizedTypeName.get(ClassName.get(Class.class), t), "type")
        .addStatement("int start = 0")
        .beginControlFlow("while (start < text.length() && $T.isWhitespace(text.charAt(start)))",
            Character.class)
        .addStatement("start++")
        .endControlFlow()
        .beginControlFlow("if (start == text.length() || text.charAt(start) != '{')")
        .addStatement("return null")
        .endControlFlow()
        .beginControlFlow("try")
        .addStatement("return READERS.get(type).readValue(text)")
        .nextControlFlow("catch ($T | $T e)", IOException.class, RuntimeException.class)
        .addStatement("return null")
        .endControlFlow()
        .build();
  }

  /** How to bind a {@code JsonNode node} to {@code type}: a class literal, or a type token. */
  static com.palantir.javapoet.CodeBlock decode(ClassName codec, TypeName type, String name) {
    if (type instanceof ClassName) {
      return com.palantir.javapoet.CodeBlock.of("$T.decode(node, $T.class, $S)", codec, type, name);
    }
    return com.palantir.javapoet.CodeBlock.of("$T.decode(node, new $T<$T>() {}, $S)",
        codec, ApiTypes.TYPE_REFERENCE, type, name);
  }
}
