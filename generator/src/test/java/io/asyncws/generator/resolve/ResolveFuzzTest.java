package io.asyncws.generator.resolve;

import static org.junit.jupiter.api.Assertions.assertTrue;

import io.asyncws.generator.diagnostic.Diagnostics;
import java.nio.file.Path;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** Random $ref strings never make the resolver throw or loop, whatever they spell. */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class ResolveFuzzTest {

  @TempDir Path dir;

  private static final String[] PIECES = {
    "#", "/", "a", "b", "0", "1", "~0", "~1", "~", "%", "%7E", "%zz", "%C3", "..", ".", ":",
    "x.yaml", "sub/", "http:", "https://", "file:", "file:///", "urn:", " ", "\\0", "\\t", "?",
    "\\u00e9", "#/a", "#/b/0", "list", "#/"
  };

  @Test
  void randomRefsGiveDiagnosticsNotExceptions() {
    ResolveTestSupport.write(dir, "x.yaml", "a: {$ref: '#/b'}\nb: [1, {$ref: '#/a'}]\n");
    ResolveTestSupport.write(dir, "sub/x.yaml", "a: {$ref: '../x.yaml#/a'}\n");
    Random random = new Random(7);
    for (int round = 0; round < 300; round++) {
      StringBuilder doc = new StringBuilder("a: {b: [0, 1]}\nb: [x, {c: 1}]\nlist: [1, 2]\n");
      doc.append("refs:\n");
      for (int i = 0; i < 8; i++) {
        StringBuilder ref = new StringBuilder();
        int pieces = 1 + random.nextInt(6);
        for (int p = 0; p < pieces; p++) ref.append(PIECES[random.nextInt(PIECES.length)]);
        doc.append("  - $ref: \"").append(ref).append("\"\n");
      }
      Path root = ResolveTestSupport.write(dir, "api.yaml", doc.toString());
      Diagnostics diagnostics = new Diagnostics();
      DocumentSet set = DocumentSet.open(root, ResolveOptions.defaults(), diagnostics);
      set.resolveAll();
      assertTrue(set.root().isPresent() || diagnostics.hasErrors(), doc::toString);
    }
  }
}
