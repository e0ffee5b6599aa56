package io.asyncws.generator.load;

import static io.asyncws.generator.load.LoaderTestSupport.assertAt;
import static io.asyncws.generator.load.LoaderTestSupport.assertMessageContains;
import static io.asyncws.generator.load.LoaderTestSupport.load;
import static io.asyncws.generator.load.LoaderTestSupport.value;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import io.asyncws.generator.diagnostic.Diagnostic;
import io.asyncws.generator.diagnostic.Severity;
import io.asyncws.generator.tree.Node;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Plain scalars are typed by the YAML 1.2 core schema, never by YAML 1.1's looser rules. */
@Timeout(value = 10, unit = TimeUnit.SECONDS)
class CoreSchemaTypingTest {

  private static Object typed(String scalar) {
    return value(load("v: " + scalar + "\n").node(), "v");
  }

  @ParameterizedTest
  @CsvSource({
    "on", "off", "yes", "no", "y", "n", "Yes", "ON", // YAML 1.1 booleans
    "1_000", "0b101", "1:20", "190:20:30", // YAML 1.1 underscores, binary, sexagesimal
    "2001-12-14", "-0x1F", "0xG1", "0o8", ".5.5", "1e", "TRUE1", "nul", "+.nan"
  })
  void yaml11OnlyValuesStayStrings(String scalar) {
    assertEquals(scalar, typed(scalar));
  }

  @ParameterizedTest
  @CsvSource({
    "0, 0", "42, 42", "-17, -17", "+5, 5", "007, 7", "0o17, 15", "0x1F, 31", "0xff, 255",
    "9223372036854775807, 9223372036854775807"
  })
  void coreIntegersBecomeLongs(String scalar, long expected) {
    assertEquals(expected, typed(scalar));
  }

  @Test
  void integerBeyondLongBecomesBigInteger() {
    assertEquals(new BigInteger("9223372036854775808"), typed("9223372036854775808"));
    assertEquals(new BigInteger("-99999999999999999999"), typed("-99999999999999999999"));
  }

  @ParameterizedTest
  @CsvSource({"1.5, 1.5", "-0.25, -0.25", ".5, .5", "1e3, 1e3", "2.5E-3, 2.5E-3", "1., 1."})
  void coreFloatsBecomeExactDecimals(String scalar, String expected) {
    assertEquals(new BigDecimal(expected), typed(scalar));
  }

  @Test
  void infinitiesAndNanBecomeDoubles() {
    assertEquals(Double.POSITIVE_INFINITY, typed(".inf"));
    assertEquals(Double.POSITIVE_INFINITY, typed("+.Inf"));
    assertEquals(Double.NEGATIVE_INFINITY, typed("-.INF"));
    assertEquals(Double.NaN, typed(".NaN"));
  }

  @Test
  void exponentTooLargeForBigDecimalBecomesInfinity() {
    assertEquals(Double.POSITIVE_INFINITY, typed("1e9999999999"));
  }

  @ParameterizedTest
  @CsvSource({"true, true", "True, true", "FALSE, false"})
  void coreBooleansBecomeBooleans(String scalar, boolean expected) {
    assertEquals(expected, typed(scalar));
  }

  @Test
  void coreNullsAndEmptyValuesBecomeNull() {
    Node root = load("a: null\nb: ~\nc:\nd: NULL\n").node();
    for (String key : new String[] {"a", "b", "c", "d"}) {
      assertNull(value(root, key), key);
    }
  }

  @Test
  void quotedScalarsAreAlwaysStrings() {
    Node root = load("a: 'true'\nb: \"42\"\nc: 'null'\nd: \"\"\ne: |\n  7\n").node();
    assertEquals("true", value(root, "a"));
    assertEquals("42", value(root, "b"));
    assertEquals("null", value(root, "c"));
    assertEquals("", value(root, "d"));
    assertEquals("7\n", value(root, "e"));
  }

  @Test
  void explicitCoreTagsTypeTheirValue() {
    Node root = load("a: !!str 42\nb: !!int \"7\"\nc: !!float 1\nd: !!bool true\ne: ! 12\n").node();
    assertEquals("42", value(root, "a"));
    assertEquals(7L, value(root, "b"));
    assertEquals(new BigDecimal("1"), value(root, "c"));
    assertEquals(true, value(root, "d"));
    assertEquals("12", value(root, "e"));
  }

  @Test
  void explicitTagThatDoesNotFitItsValueIsAnError() {
    Diagnostic error = load("a: 1\nb: !!int abc\n").onlyError();
    assertAt(error, 2, 4);
    assertMessageContains(error, "'abc' is not a valid !!int");
  }

  @Test
  void unknownTagIsIgnoredWithAWarning() {
    LoaderTestSupport.Result result = load("a: !custom 5\n");
    assertEquals(5L, value(result.root().orElseThrow(), "a"));
    assertEquals(1, result.diagnostics().size());
    Diagnostic warning = result.diagnostics().get(0);
    assertEquals(Severity.WARNING, warning.severity());
    assertAt(warning, 1, 4);
    assertMessageContains(warning, "'!custom'");
  }

  @Test
  void numberLongerThanTheLimitIsAnErrorNotAHang() {
    String digits = "9".repeat(200_000);
    Diagnostic error = load("a: 1\nhuge: " + digits + "\n").onlyError();
    assertAt(error, 2, 7);
    assertMessageContains(error, "more than 1000 characters", "quote it");
  }

  @Test
  void longTextThatIsNotANumberStaysAString() {
    String hex = "deadbeef".repeat(1000);
    assertEquals(hex, typed(hex));
  }
}
