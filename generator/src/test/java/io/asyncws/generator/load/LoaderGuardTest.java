package io.asyncws.generator.load;

import static io.asyncws.generator.load.LoaderTestSupport.assertAt;
import static io.asyncws.generator.load.LoaderTestSupport.assertMessageContains;
import static io.asyncws.generator.load.LoaderTestSupport.load;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.asyncws.generator.diagnostic.Diagnostic;
import io.asyncws.generator.diagnostic.Diagnostics;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** Hostile or broken input: each guard gives one clear error at a position, within bounds. */
@Timeout(value = 20, unit = TimeUnit.SECONDS)
class LoaderGuardTest {

  @TempDir Path dir;

  /** The classic bomb: ten lols, then nine levels of nine aliases to the level above. */
  private static String billionLaughs() {
    StringBuilder bomb = new StringBuilder("a: &a [\"lol\",\"lol\",\"lol\",\"lol\",\"lol\"]\n");
    for (char c = 'b'; c <= 'j'; c++) {
      char p = (char) (c - 1);
      bomb.append(c).append(": &").append(c).append(" [");
      for (int i = 0; i < 9; i++) bomb.append('*').append(p).append(i < 8 ? "," : "");
      bomb.append("]\n");
    }
    return bomb.toString();
  }

  @Test
  void billionLaughsStopsAtTheNodeLimitWithDefaults() {
    Diagnostic error = load(billionLaughs()).onlyError();
    assertMessageContains(error, "more than 1000000 nodes");
    assertAt(error, 7, 11);
  }

  @Test
  void billionLaughsStopsAtTheAliasLimitWhateverTheNodeLimit() {
    DocumentLoader loader = new DocumentLoader(LoadLimits.defaults().withMaxNodes(Long.MAX_VALUE));
    byte[] bytes = billionLaughs().getBytes(StandardCharsets.UTF_8);
    Diagnostic error = LoaderTestSupport.load(loader, bytes).onlyError();
    // 9 aliases per line from line 2 on, each 3 columns wide from column 8: the 51st alias is
    // the 6th on line 7, at column 8 + 5 * 3.
    assertAt(error, 7, 23);
    assertMessageContains(error, "more than 50 aliases", "billion laughs");
  }

  @Test
  void doublingBombUnderTheAliasLimitStopsAtTheNodeLimit() {
    // 24 levels of two aliases each: 48 aliases, but 2^24 nodes once expanded.
    StringBuilder bomb = new StringBuilder("l0: &l0 [x, x]\n");
    for (int i = 1; i <= 24; i++) {
      bomb.append("l").append(i).append(": &l").append(i);
      bomb.append(" [*l").append(i - 1).append(", *l").append(i - 1).append("]\n");
    }
    Diagnostic error = load(bomb.toString()).onlyError();
    assertMessageContains(error, "more than 1000000 nodes", "counting what each alias repeats");
    assertTrue(error.location().line() > 15, error::toString);
  }

  @Test
  void aliasToItsOwnEnclosingNodeIsAnError() {
    Diagnostic error = load("a: &loop\n  b: *loop\n").onlyError();
    assertAt(error, 2, 6);
    assertMessageContains(error, "'*loop'", "cannot contain itself");
  }

  @Test
  void aliasWithoutAnchorIsAnError() {
    Diagnostic error = load("a: 1\nb: *nowhere\n").onlyError();
    assertAt(error, 2, 4);
    assertMessageContains(error, "'*nowhere' has no anchor");
  }

  @Test
  void documentOverTheSizeLimitIsRejectedBeforeParsing() {
    byte[] tenMegabytes = new byte[10 * 1024 * 1024];
    java.util.Arrays.fill(tenMegabytes, (byte) 'a');
    Diagnostic error = LoaderTestSupport.load(new DocumentLoader(), tenMegabytes).onlyError();
    assertAt(error, 1, 1);
    assertMessageContains(error, "10485760 bytes", "limit of 8388608 bytes");
  }

  @Test
  void fileOverTheSizeLimitIsRejectedWithoutReadingItAll() throws Exception {
    Path file = dir.resolve("big.yaml");
    Files.write(file, new byte[4096]);
    Diagnostics diagnostics = new Diagnostics();
    DocumentLoader loader = new DocumentLoader(LoadLimits.defaults().withMaxDocumentBytes(1024));
    assertTrue(loader.load(file, diagnostics).isEmpty());
    assertMessageContains(diagnostics.sorted().get(0), "4096 bytes", "limit of 1024 bytes");
  }

  @Test
  void endlessDeviceStopsAtTheSizeLimit() {
    Path zero = Path.of("/dev/zero");
    if (!Files.exists(zero)) return; // only where the OS has one
    Diagnostics diagnostics = new Diagnostics();
    DocumentLoader loader = new DocumentLoader(LoadLimits.defaults().withMaxDocumentBytes(1024));
    assertTrue(loader.load(zero, diagnostics).isEmpty());
    assertMessageContains(diagnostics.sorted().get(0), "limit of 1024 bytes");
  }

  @Test
  @Timeout(value = 60, unit = TimeUnit.SECONDS) // about a second alone; CI machines are shared
  void largeDocumentUnderTheLimitLoadsInBoundedTime() {
    StringBuilder text = new StringBuilder("asyncapi: 3.0.0\nitems:\n");
    String padding = "x".repeat(60);
    for (int i = 0; text.length() < 6_000_000; i++) {
      text.append("  k").append(i).append(": ").append(padding).append('\n');
    }
    LoaderTestSupport.Result result = load(text.toString());
    assertTrue(result.root().isPresent(), () -> result.diagnostics().toString());
    assertEquals(0, result.diagnostics().size());
  }

  @Test
  void manySmallNodesWithoutAliasesStopAtTheNodeLimit() {
    DocumentLoader loader = new DocumentLoader(LoadLimits.defaults().withMaxNodes(1000));
    byte[] bytes = ("a: [" + "1, ".repeat(2000) + "1]").getBytes(StandardCharsets.UTF_8);
    Diagnostic error = LoaderTestSupport.load(loader, bytes).onlyError();
    // The mapping, its key 'a', the sequence and 997 items fit; the 998th item, at column
    // 5 + 997 * 3, is node 1001.
    assertAt(error, 1, 2996);
    assertMessageContains(error, "more than 1000 nodes");
  }

  @Test
  void hundredThousandOpenBracketsStopAtTheDepthLimit() {
    Diagnostic error = load("[".repeat(100_000)).onlyError();
    assertAt(error, 1, 257);
    assertMessageContains(error, "more than 256 levels deep");
  }

  @Test
  void deepBlockNestingStopsAtTheDepthLimit() {
    StringBuilder text = new StringBuilder();
    for (int i = 0; i < 300; i++) text.append(" ".repeat(i)).append("k:\n");
    Diagnostic error = load(text.toString()).onlyError();
    assertAt(error, 257, 257);
  }

  @Test
  void invalidUtf8IsReportedAtTheBadByte() {
    byte[] prefix = "a: b\nc: ".getBytes(StandardCharsets.UTF_8);
    byte[] bytes = concat(prefix, new byte[] {(byte) 0xC3, 0x28}); // c3 needs a continuation byte
    Diagnostic error = LoaderTestSupport.load(new DocumentLoader(), bytes).onlyError();
    assertAt(error, 2, 4);
    assertMessageContains(error, "not valid UTF-8", "0xC3");
  }

  @Test
  void invalidUtf8ColumnCountsCharactersNotBytes() {
    // "é" is two bytes (c3 a9) and one column; the lone ff byte stands in column 4.
    byte[] bytes = concat("\u00e9: ".getBytes(StandardCharsets.UTF_8), new byte[] {(byte) 0xFF});
    Diagnostic error = LoaderTestSupport.load(new DocumentLoader(), bytes).onlyError();
    assertAt(error, 1, 4);
    assertMessageContains(error, "0xFF");
  }

  @Test
  void utf16ByteOrderMarkIsRejectedClearly() {
    byte[] bytes = "\uFEFFa: 1".getBytes(StandardCharsets.UTF_16BE);
    Diagnostic error = LoaderTestSupport.load(new DocumentLoader(), bytes).onlyError();
    assertMessageContains(error, "UTF-16", "save the file as UTF-8");
  }

  @Test
  void nulCharacterIsReportedAtItsPosition() {
    Diagnostic error = load("a: 1\nb: x\u0000y\n").onlyError();
    assertAt(error, 2, 5);
    assertMessageContains(error, "U+0000", "binary file");
  }

  @Test
  void binaryGarbageNeverThrowsAndAlwaysExplains() {
    Random random = new Random(20261124);
    for (int round = 0; round < 200; round++) {
      byte[] garbage = new byte[1 + random.nextInt(4096)];
      random.nextBytes(garbage);
      LoaderTestSupport.Result result = LoaderTestSupport.load(new DocumentLoader(), garbage);
      assertFalse(result.errors().isEmpty(), "round " + round);
    }
  }

  @Test
  void randomYamlPunctuationNeverThrows() {
    Random random = new Random(42);
    String alphabet = "ab:- \n\t[]{},&*!|>'\"#%@`?~0.\\";
    for (int round = 0; round < 2000; round++) {
      StringBuilder text = new StringBuilder();
      int length = random.nextInt(80);
      for (int i = 0; i < length; i++) {
        text.append(alphabet.charAt(random.nextInt(alphabet.length())));
      }
      // Either a tree or errors, never an exception; a tree's errors are allowed (duplicates).
      LoaderTestSupport.Result result = load(text.toString());
      assertTrue(result.root().isPresent() || !result.errors().isEmpty(), text::toString);
    }
  }

  @Test
  void duplicateKeyIsReportedAtTheSecondNamingTheFirstLine() {
    LoaderTestSupport.Result result = load("info:\n  title: A\n  version: 1\n  title: B\n");
    Diagnostic error = result.onlyError();
    assertAt(error, 4, 3);
    assertMessageContains(error, "'title' appears twice", "first one is on line 2");
    assertEquals("A", LoaderTestSupport.value(result.root().orElseThrow(), "info", "title"));
  }

  @Test
  void duplicateKeyInJsonIsReportedToo() {
    Diagnostic error = load("{\"a\": 1,\n \"a\": 2}").onlyError();
    assertAt(error, 2, 2);
  }

  @Test
  void tabIndentationIsASyntaxErrorAtTheTab() {
    Diagnostic error = load("a:\n\tb: 1\n").onlyError();
    assertAt(error, 2, 1);
    assertMessageContains(error, "tab character", "spaces");
  }

  @Test
  void tabIndentedJsonLoads() {
    LoaderTestSupport.Result result = load("{\n\t\"a\": {\n\t\t\"b\": \"\\t\"\n\t}\n}\n");
    assertEquals("\t", LoaderTestSupport.value(result.node(), "a", "b"));
  }

  @Test
  void unclosedBracketIsASyntaxError() {
    Diagnostic error = load("a: [1, 2\nb: 3\n").onlyError();
    assertMessageContains(
        error, "Syntax error", "while parsing a flow sequence", "line 1, column 4");
  }

  @Test
  void colonInPlainValueIsExplained() {
    Diagnostic error = load("a: b: c\n").onlyError();
    assertAt(error, 1, 5);
    assertMessageContains(error, "':'", "quote a value");
  }

  @Test
  void wrongIndentationIsExplained() {
    Diagnostic error = load("a:\n  - 1\n  b: 2\n").onlyError();
    assertAt(error, 3, 3);
    assertMessageContains(error, "indented differently");
  }

  @Test
  void contentAfterTheRootIsExplained() {
    Diagnostic error = load("{\"a\": 1}}\n").onlyError();
    assertAt(error, 1, 9); // the second '}'
    assertMessageContains(error, "follows the end of the document's root");
  }

  @Test
  void reservedIndicatorIsExplained() {
    Diagnostic error = load("a: @x\n").onlyError();
    assertAt(error, 1, 4);
    assertMessageContains(error, "quote");
  }

  @Test
  void crlfLineEndsCountAsOneLine() {
    Diagnostic error = load("a: 1\r\nb:\r\n  c: x\r\n  c: y\r\n").onlyError();
    assertAt(error, 4, 3);
  }

  @Test
  void unclosedQuoteIsExplained() {
    Diagnostic error = load("a: \"open\nb: 1\n").onlyError();
    assertMessageContains(error, "ends inside a quoted string");
  }

  @Test
  void emptyAndCommentOnlyDocumentsAreEmpty() {
    for (String text : new String[] {"", "# only a comment\n", "---\n", "   \n\n"}) {
      Diagnostic error = load(text).onlyError();
      assertAt(error, 1, 1);
      assertMessageContains(error, "The document is empty");
    }
  }

  @Test
  void rootThatIsNotAMappingIsAnError() {
    Diagnostic error = load("- a\n- b\n").onlyError();
    assertAt(error, 1, 1);
    assertMessageContains(error, "an array at its root", "an object");
  }

  @Test
  void anyRootIsAllowedForReferencedFiles() {
    assertEquals("string", LoaderTestSupport.loadAny("type\n").node().kindName());
  }

  @Test
  void secondDocumentInTheFileIsAnError() {
    Diagnostic error = load("a: 1\n---\nb: 2\n").onlyError();
    assertAt(error, 2, 1);
    assertMessageContains(error, "second YAML document");
  }

  @Test
  void complexKeyIsAnError() {
    Diagnostic error = load("? [a, b]\n: 1\nc: 2\n").onlyError();
    assertAt(error, 1, 3);
    assertMessageContains(error, "key must be a string", "an array");
  }

  @Test
  void mergeOfAScalarIsAnError() {
    Diagnostic error = load("a:\n  <<: 5\n  b: 1\n").onlyError();
    assertAt(error, 2, 7);
    assertMessageContains(error, "merge key", "not an integer");
  }

  @Test
  void missingFileIsAnError() {
    Diagnostics diagnostics = new Diagnostics();
    Path missing = dir.resolve("nope.yaml");
    assertTrue(new DocumentLoader().load(missing, diagnostics).isEmpty());
    assertMessageContains(diagnostics.sorted().get(0), "does not exist");
  }

  private static byte[] concat(byte[] a, byte[] b) {
    byte[] all = new byte[a.length + b.length];
    System.arraycopy(a, 0, all, 0, a.length);
    System.arraycopy(b, 0, all, a.length, b.length);
    return all;
  }
}
