package io.asyncws.generator.emit.model;

import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.CodeBlock;
import com.palantir.javapoet.TypeName;
import io.asyncws.generator.emit.TypeNames;
import java.math.BigDecimal;
import java.math.BigInteger;

/**
 * Java expressions for schema values ({@code default}, {@code const}) of a given Java type, or null
 * when the value cannot be written as one (an object default for a record, a value of the wrong
 * type): such values are documented instead of applied.
 */
final class Literals {
  private Literals() {}

  static CodeBlock of(TypeName type, Object value, ModelPlan plan, EnumConstants enums) {
    if (value == null) return null;
    if (type.equals(TypeNames.STRING) && value instanceof String s) return CodeBlock.of("$S", s);
    if (type.equals(TypeNames.BOOLEAN) && value instanceof Boolean b) return CodeBlock.of("$L", b);
    if (type.equals(TypeNames.LONG) && fitsLong(value)) {
      return CodeBlock.of("$LL", ((Number) value).longValue());
    }
    if (type.equals(TypeNames.INTEGER) && value instanceof Long l && l == l.intValue()) {
      return CodeBlock.of("$L", l);
    }
    if (type.equals(TypeNames.BIG_DECIMAL) && value instanceof Number n) {
      return CodeBlock.of("new $T($S)", TypeNames.BIG_DECIMAL, n.toString());
    }
    if (type.equals(TypeNames.DOUBLE) && value instanceof Number n) {
      double d = n.doubleValue();
      return Double.isFinite(d) ? CodeBlock.of("$L", Double.toString(d)) : null;
    }
    if (value instanceof String s) {
      if (type.equals(TypeNames.UUID)) return CodeBlock.of("$T.fromString($S)", TypeNames.UUID, s);
      if (type.equals(TypeNames.URI)) return CodeBlock.of("$T.create($S)", TypeNames.URI, s);
      if (type.equals(TypeNames.OFFSET_DATE_TIME) || type.equals(TypeNames.LOCAL_DATE)) {
        return CodeBlock.of("$T.parse($S)", type, s);
      }
    }
    if (type instanceof ClassName c && enums != null) {
      String constant = enums.constantFor(c, value);
      if (constant != null) return CodeBlock.of("$T.$N", c, constant);
    }
    return null;
  }

  private static boolean fitsLong(Object value) {
    if (value instanceof Long) return true;
    return value instanceof BigInteger b && b.bitLength() < 64
        || value instanceof BigDecimal d
            && d.stripTrailingZeros().scale() <= 0
            && d.toBigInteger().bitLength() < 64;
  }
}
