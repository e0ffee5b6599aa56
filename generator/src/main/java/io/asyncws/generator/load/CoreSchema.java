package io.asyncws.generator.load;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Types plain scalars by the YAML 1.2 core schema, which is what JSON and AsyncAPI mean. YAML 1.1
 * (snakeyaml's default) would read {@code on}, {@code no} or {@code y} as booleans and
 * {@code 1_000} or {@code 1:20} as numbers; here they stay strings.
 */
final class CoreSchema {

  /**
   * Longest text typed as a number. Parsing decimal digits into a {@link BigInteger} costs time
   * quadratic in their count, so a megabyte of digits would hang the loader.
   */
  static final int MAX_NUMBER_LENGTH = 1000;

  private static final Pattern NULL = Pattern.compile("null|Null|NULL|~|");
  private static final Pattern TRUE = Pattern.compile("true|True|TRUE");
  private static final Pattern FALSE = Pattern.compile("false|False|FALSE");
  private static final Pattern DECIMAL_INT = Pattern.compile("[-+]?[0-9]+");
  private static final Pattern OCTAL_INT = Pattern.compile("0o[0-7]+");
  private static final Pattern HEX_INT = Pattern.compile("0x[0-9a-fA-F]+");
  private static final Pattern FLOAT =
      Pattern.compile("[-+]?(\\.[0-9]+|[0-9]+(\\.[0-9]*)?)([eE][-+]?[0-9]+)?");
  private static final Pattern INFINITY = Pattern.compile("[-+]?(\\.inf|\\.Inf|\\.INF)");
  private static final Pattern NAN = Pattern.compile("\\.nan|\\.NaN|\\.NAN");

  /** The kinds an explicit core tag ({@code !!int}, ...) may ask for. */
  enum Kind {
    NULL,
    BOOL,
    INT,
    FLOAT
  }

  private CoreSchema() {}

  /**
   * The typed value of an untagged plain scalar: null, a Boolean, a Long or BigInteger, a
   * BigDecimal (finite floats keep their exact decimal value), a Double (only for infinities and
   * NaN), or the text itself.
   *
   * @throws NumberTooLongException if the text is a number longer than {@link #MAX_NUMBER_LENGTH}
   */
  static Object resolve(String text) {
    if (text.length() > MAX_NUMBER_LENGTH) {
      if (looksNumeric(text)) throw new NumberTooLongException();
      return text;
    }
    for (Kind kind : Kind.values()) {
      Optional<Object> value = as(kind, text);
      if (value.isPresent()) return unwrap(value.get());
    }
    return text;
  }

  /**
   * The value of {@code text} read as {@code kind}, or empty if it is not one. Null stands for YAML
   * null, so a present optional can not hold it; {@link #NULL_VALUE} marks it instead.
   */
  static Optional<Object> as(Kind kind, String text) {
    switch (kind) {
      case NULL:
        return NULL.matcher(text).matches() ? Optional.of(NULL_VALUE) : Optional.empty();
      case BOOL:
        if (TRUE.matcher(text).matches()) return Optional.of(Boolean.TRUE);
        if (FALSE.matcher(text).matches()) return Optional.of(Boolean.FALSE);
        return Optional.empty();
      case INT:
        return integer(text);
      case FLOAT:
        return floating(text);
      default:
        throw new AssertionError(kind);
    }
  }

  /** Stand-in for YAML null inside an {@link Optional}; {@link #unwrap} turns it back. */
  static final Object NULL_VALUE = new Object();

  /** {@code value} with {@link #NULL_VALUE} turned back into null. */
  static Object unwrap(Object value) {
    return value == NULL_VALUE ? null : value;
  }

  private static Optional<Object> integer(String text) {
    if (DECIMAL_INT.matcher(text).matches()) return Optional.of(narrow(new BigInteger(text)));
    if (OCTAL_INT.matcher(text).matches()) {
      return Optional.of(narrow(new BigInteger(text.substring(2), 8)));
    }
    if (HEX_INT.matcher(text).matches()) {
      return Optional.of(narrow(new BigInteger(text.substring(2), 16)));
    }
    return Optional.empty();
  }

  private static Optional<Object> floating(String text) {
    if (FLOAT.matcher(text).matches()) {
      try {
        return Optional.of(new BigDecimal(text));
      } catch (NumberFormatException exponentOutOfRange) {
        // BigDecimal's scale is an int; 1e9999999999 does not fit, a double says Infinity.
        return Optional.of(Double.parseDouble(text));
      }
    }
    if (INFINITY.matcher(text).matches()) {
      boolean negative = text.startsWith("-");
      return Optional.of(negative ? Double.NEGATIVE_INFINITY : Double.POSITIVE_INFINITY);
    }
    if (NAN.matcher(text).matches()) return Optional.of(Double.NaN);
    return Optional.empty();
  }

  /** Long when it fits, so that most code can use {@code long}; BigInteger otherwise. */
  private static Object narrow(BigInteger value) {
    return value.bitLength() < Long.SIZE ? (Object) value.longValueExact() : value;
  }

  /** Whether the text is an int or a float; all these patterns match in linear time. */
  private static boolean looksNumeric(String text) {
    return DECIMAL_INT.matcher(text).matches()
        || OCTAL_INT.matcher(text).matches()
        || HEX_INT.matcher(text).matches()
        || FLOAT.matcher(text).matches();
  }

  /** A plain scalar is a number too long to type; the composer reports it. */
  static final class NumberTooLongException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    NumberTooLongException() {
      super(null, null, false, false);
    }
  }
}
