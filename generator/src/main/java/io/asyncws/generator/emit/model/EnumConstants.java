package io.asyncws.generator.emit.model;

import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.NameAllocator;
import io.asyncws.generator.emit.JavaNames;
import io.asyncws.generator.model.SchemaModel;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * The constant names of every generated enum, computed once so that the enum and the defaults that
 * refer to its constants agree: {@code cancel_only} → {@code CANCEL_ONLY}, {@code XBT/EUR} → {@code
 * XBT_EUR}, {@code 5} → {@code VALUE_5}; clashes get a trailing underscore, first value first.
 */
final class EnumConstants {
  private final Map<ClassName, Map<Object, String>> byEnum = new HashMap<>();

  EnumConstants(ModelPlan plan) {
    for (SchemaModel s : plan.schemas()) {
      if (plan.kind(s) == ModelPlan.Kind.ENUM) byEnum.put(plan.className(s), constants(s));
    }
  }

  /** The constant of {@code enumClass} for {@code value}, or null when it has none. */
  String constantFor(ClassName enumClass, Object value) {
    Map<Object, String> constants = byEnum.get(enumClass);
    return constants == null ? null : constants.get(value);
  }

  /** Value → constant name for one enum schema, in the schema's order, nulls left out. */
  static Map<Object, String> constants(SchemaModel s) {
    NameAllocator names = new NameAllocator();
    Map<Object, String> out = new LinkedHashMap<>();
    for (Object value : s.enumValues()) {
      if (value == null || out.containsKey(value)) continue;
      String wanted =
          value instanceof Long l
              ? (l < 0 ? "VALUE_MINUS_" + -l : "VALUE_" + l)
              : JavaNames.constant(Objects.toString(value));
      out.put(value, names.newName(wanted, value));
    }
    return out;
  }
}
