package io.asyncws.generator.validate.structure;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.asyncws.generator.diagnostic.Diagnostics;
import io.asyncws.generator.tree.Node;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The largest corpus document validates in milliseconds once the spec schema is compiled. */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class ValidationSpeedTest {
  /** Generous for a shared 2-core CI machine; a regression to exponential branch search is seconds. */
  private static final long BUDGET_MILLIS = 50;

  @ParameterizedTest
  @ValueSource(strings = {"spec-v2.6.0/slack-rtm.yml", "spec-v3.0.0/slack-rtm-asyncapi.yml", "spec-v3.1.0/slack-rtm-asyncapi.yml"})
  void largestDocumentValidatesInMilliseconds(String file) {
    TestDocuments docs = new TestDocuments();
    Node root = docs.load(TestDocuments.CORPUS.resolve(file));
    StructureValidator validator = StructureValidator.forVersion(
        ((io.asyncws.generator.tree.ScalarNode) ((io.asyncws.generator.tree.MappingNode) root).get("asyncapi").orElseThrow()).text())
        .orElseThrow();
    long best = Long.MAX_VALUE;
    for (int run = 0; run < Integer.getInteger("speed.runs", 20); run++) { // warm-up and best-of: the JIT, not us, is slow at first
      Diagnostics d = new Diagnostics();
      long start = System.nanoTime();
      validator.validate(root, docs::deref, d);
      best = Math.min(best, System.nanoTime() - start);
      assertEquals(0, d.sorted().size());
    }
    long millis = TimeUnit.NANOSECONDS.toMillis(best);
    System.out.println(file + ": best of 20 validations " + TimeUnit.NANOSECONDS.toMicros(best) + " µs");
    assertTrue(millis < BUDGET_MILLIS, file + " took " + millis + " ms");
  }
}
