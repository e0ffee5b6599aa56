package io.asyncws.generator.emit;

import com.palantir.javapoet.ClassName;

/**
 * Every library type generated code names, declared once: emitters refer to these constants, never
 * to the classes themselves, so the generator does not need the libraries of the generated code.
 */
public final class TypeNames {
  private TypeNames() {}

  private static final String ANNOTATION = "com.fasterxml.jackson.annotation";
  private static final String CORE = "com.fasterxml.jackson.core";
  private static final String DATABIND = "com.fasterxml.jackson.databind";

  public static final ClassName JSON_PROPERTY = ClassName.get(ANNOTATION, "JsonProperty");
  public static final ClassName JSON_VALUE = ClassName.get(ANNOTATION, "JsonValue");
  public static final ClassName JSON_CREATOR = ClassName.get(ANNOTATION, "JsonCreator");
  public static final ClassName JSON_CREATOR_MODE = JSON_CREATOR.nestedClass("Mode");
  public static final ClassName JSON_ANY_SETTER = ClassName.get(ANNOTATION, "JsonAnySetter");
  public static final ClassName JSON_ANY_GETTER = ClassName.get(ANNOTATION, "JsonAnyGetter");
  public static final ClassName JSON_INCLUDE = ClassName.get(ANNOTATION, "JsonInclude");
  public static final ClassName JSON_INCLUDE_INCLUDE = JSON_INCLUDE.nestedClass("Include");
  public static final ClassName JSON_IGNORE_PROPERTIES =
      ClassName.get(ANNOTATION, "JsonIgnoreProperties");
  public static final ClassName JSON_TYPE_INFO = ClassName.get(ANNOTATION, "JsonTypeInfo");
  public static final ClassName JSON_TYPE_INFO_ID = JSON_TYPE_INFO.nestedClass("Id");
  public static final ClassName JSON_TYPE_INFO_AS = JSON_TYPE_INFO.nestedClass("As");
  public static final ClassName JSON_SUB_TYPES = ClassName.get(ANNOTATION, "JsonSubTypes");
  public static final ClassName JSON_SUB_TYPES_TYPE = JSON_SUB_TYPES.nestedClass("Type");

  public static final ClassName JSON_PARSER = ClassName.get(CORE, "JsonParser");

  public static final ClassName JSON_NODE = ClassName.get(DATABIND, "JsonNode");
  public static final ClassName JSON_DESERIALIZER = ClassName.get(DATABIND, "JsonDeserializer");
  public static final ClassName JSON_DESERIALIZER_NONE = JSON_DESERIALIZER.nestedClass("None");
  public static final ClassName DESERIALIZATION_CONTEXT =
      ClassName.get(DATABIND, "DeserializationContext");
  public static final ClassName JSON_MAPPING_EXCEPTION =
      ClassName.get(DATABIND, "JsonMappingException");
  public static final ClassName JSON_DESERIALIZE =
      ClassName.get(DATABIND + ".annotation", "JsonDeserialize");
  public static final ClassName STD_DESERIALIZER =
      ClassName.get(DATABIND + ".deser.std", "StdDeserializer");

  public static final ClassName STRING = ClassName.get(String.class);
  public static final ClassName LONG = ClassName.get(Long.class);
  public static final ClassName INTEGER = ClassName.get(Integer.class);
  public static final ClassName DOUBLE = ClassName.get(Double.class);
  public static final ClassName BIG_DECIMAL = ClassName.get("java.math", "BigDecimal");
  public static final ClassName BOOLEAN = ClassName.get(Boolean.class);
  public static final ClassName LIST = ClassName.get("java.util", "List");
  public static final ClassName MAP = ClassName.get("java.util", "Map");
  public static final ClassName SET = ClassName.get("java.util", "Set");
  public static final ClassName OBJECTS = ClassName.get("java.util", "Objects");
  public static final ClassName UUID = ClassName.get("java.util", "UUID");
  public static final ClassName URI = ClassName.get("java.net", "URI");
  public static final ClassName OFFSET_DATE_TIME = ClassName.get("java.time", "OffsetDateTime");
  public static final ClassName LOCAL_DATE = ClassName.get("java.time", "LocalDate");
  public static final ClassName IO_EXCEPTION = ClassName.get("java.io", "IOException");
  public static final ClassName ARRAY_LIST = ClassName.get("java.util", "ArrayList");
  public static final ClassName ITERATOR = ClassName.get("java.util", "Iterator");
}
