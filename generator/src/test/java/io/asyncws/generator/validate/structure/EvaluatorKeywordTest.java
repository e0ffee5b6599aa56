package io.asyncws.generator.validate.structure;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.asyncws.generator.tree.Node;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;

/**
 * The draft-07 keywords one by one, on small schemas written here (the spec files do not use every
 * keyword in every way), so each rule of the evaluator is pinned down where it is easy to read.
 */
@Timeout(value = 30, unit = TimeUnit.SECONDS)
class EvaluatorKeywordTest {
  private final TestDocuments docs = new TestDocuments();

  /** The failures of {@code instance} (YAML) against {@code schema} (YAML). */
  private List<Failure> failures(String schema, String instance) {
    Map<?, ?> json = (Map<?, ?>) new Yaml(new SafeConstructor(new LoaderOptions())).load(schema);
    Schema compiled = SchemaCompiler.compile(json);
    Node node = docs.parse("i.yaml", "v: " + instance + "\n");
    Node value = ((io.asyncws.generator.tree.MappingNode) node).get("v").orElseThrow();
    List<Failure> out = new ArrayList<>();
    new Evaluator(n -> Optional.empty()).check(compiled, value, Where.root(), out);
    return out;
  }

  private void assertPasses(String schema, String instance) {
    List<Failure> found = failures(schema, instance);
    assertEquals(List.of(), found, () -> instance + " against " + schema);
  }

  private void assertFails(String schema, String instance, String words) {
    List<Failure> found = failures(schema, instance);
    assertTrue(found.stream().anyMatch(f -> f.message().contains(words)),
        () -> instance + " against " + schema + ": expected \"" + words + "\", got " + found);
  }

  @Test
  void integerTypeAcceptsWholeDecimalsAsDraft07Does() {
    assertPasses("{type: integer}", "2.0");
    assertFails("{type: integer}", "2.5", "must be an integer, not a number");
  }

  @Test
  void numericBoundsIncludeOrExcludeTheLimit() {
    assertPasses("{minimum: 1, exclusiveMaximum: 3}", "1");
    assertFails("{minimum: 1}", "0.5", "must be at least 1");
    assertFails("{exclusiveMaximum: 3}", "3", "must be less than 3");
    assertFails("{exclusiveMinimum: 0}", "0", "must be greater than 0");
    assertFails("{multipleOf: 0.5}", "1.25", "must be a multiple of 0.5");
  }

  @Test
  void stringLengthCountsCodePointsAndPatternIsUnanchored() {
    assertPasses("{maxLength: 2}", "'😀😀'"); // two code points, four UTF-16 units
    assertFails("{minLength: 3}", "ab", "at least 3 characters");
    assertPasses("{pattern: 'b+'}", "abbc");
    assertFails("{pattern: '^x-'}", "y-a", "does not match the pattern ^x-");
  }

  @Test
  void uniqueItemsComparesByJsonValue() {
    assertFails("{uniqueItems: true}", "[1, 1.0]", "appears twice");
    assertFails("{uniqueItems: true}", "[{a: 1, b: 2}, {b: 2, a: 1}]", "appears twice");
    assertPasses("{uniqueItems: true}", "[1, '1']");
  }

  @Test
  void tupleItemsAndAdditionalItems() {
    String schema = "{items: [{type: string}, {type: integer}], additionalItems: false}";
    assertPasses(schema, "[a, 1]");
    assertFails(schema, "[a, 1, true]", "is not allowed here");
    assertFails(schema, "[1, 1]", "must be a string");
  }

  @Test
  void containsAndItemCounts() {
    assertPasses("{contains: {const: 3}, minItems: 1}", "[1, 3]");
    assertFails("{contains: {const: 3}}", "[1, 2]", "must contain an item");
    assertFails("{maxItems: 1}", "[1, 2]", "at most 1 items");
  }

  @Test
  void dependenciesAsNamesAndAsSchemas() {
    assertFails("{dependencies: {a: [b]}}", "{a: 1}", "has 'a' and must then also have 'b'");
    assertFails("{dependencies: {a: {required: [c]}}}", "{a: 1}", "missing the required field 'c'");
    assertPasses("{dependencies: {a: [b]}}", "{b: 1}");
  }

  @Test
  void propertyNamesAndPropertyCounts() {
    assertFails("{propertyNames: {pattern: '^[a-z]+$'}}", "{Abc: 1}", "does not match");
    assertFails("{minProperties: 2}", "{a: 1}", "at least 2 fields");
  }

  @Test
  void ifThenElseChoosesByTheCondition() {
    String schema = "{if: {required: [kind]}, then: {required: [value]}, else: {required: [other]}}";
    assertFails(schema, "{kind: 1}", "'value'");
    assertFails(schema, "{}", "'other'");
    assertPasses(schema, "{kind: 1, value: 2}");
  }

  @Test
  void notNamesTheExcludedField() {
    assertFails("{not: {required: [authorizationUrl]}}", "{authorizationUrl: x}", "must not have 'authorizationUrl'");
    assertPasses("{not: {required: [authorizationUrl]}}", "{tokenUrl: x}");
  }

  @Test
  void constAndEnumCompareStructurally() {
    assertPasses("{const: {a: [1, 2]}}", "{a: [1, 2.0]}");
    assertFails("{const: {a: [1, 2]}}", "{a: [2, 1]}", "must be");
    assertFails("{enum: [1, 2]}", "3", "must be one of 1, 2, not 3");
  }

  @Test
  void oneOfWithTwoFittingAlternativesIsAmbiguous() {
    assertFails("{oneOf: [{type: integer}, {minimum: 0}]}", "5", "fits more than one of");
    assertPasses("{oneOf: [{type: integer}, {type: string}]}", "5");
  }

  @Test
  void anyOfReportsOnlyTheBranchOfTheRightType() {
    List<Failure> found = failures("{anyOf: [{type: string, minLength: 5}, {type: object, required: [x]}]}", "abc");
    assertEquals(1, found.size(), found::toString);
    assertTrue(found.get(0).message().contains("at least 5 characters"), found::toString);
  }

  @Test
  void recursiveDefinitionsFollowTheDocumentNotForever() {
    String schema = "{definitions: {node: {type: object, properties: {next: {$ref: '#/definitions/node'}},"
        + " additionalProperties: false}}, $ref: '#/definitions/node'}";
    assertPasses(schema, "{next: {next: {next: {}}}}");
    assertFails(schema, "{next: {next: {nxt: {}}}}", "unknown field 'nxt'");
  }
}
