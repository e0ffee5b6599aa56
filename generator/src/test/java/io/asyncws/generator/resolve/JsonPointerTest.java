package io.asyncws.generator.resolve;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(value = 5, unit = TimeUnit.SECONDS)
class JsonPointerTest {

  @Test
  void fragmentIsPercentDecodedBeforeTildeEscapes() {
    // %7E is '~', so "%7E1" is the escape ~1, a '/' inside the token (RFC 6901 section 6).
    assertEquals(List.of("a/b", "{x}"), JsonPointer.parseFragment("/a%7E1b/%7Bx%7D").tokens());
  }

  @Test
  void tildeZeroOneIsALiteralTildeOne() {
    assertEquals(List.of("~1"), JsonPointer.parseFragment("/~01").tokens());
  }

  @Test
  void emptyFragmentIsTheWholeDocumentAndSlashIsTheEmptyKey() {
    assertEquals(List.of(), JsonPointer.parseFragment("").tokens());
    assertEquals(List.of(""), JsonPointer.parseFragment("/").tokens());
    assertEquals(List.of("a", "", "b"), JsonPointer.parseFragment("/a//b").tokens());
  }

  @Test
  void formatEscapesWhatParseUnescapes() {
    List<String> tokens = List.of("a/b", "m~n", "~1", "");
    String pointer = JsonPointer.format(tokens);
    assertEquals("/a~1b/m~0n/~01/", pointer);
    assertEquals(tokens, JsonPointer.parseFragment(pointer).tokens());
  }

  @Test
  void badFragmentsSayWhy() {
    assertNull(JsonPointer.parseFragment("name").tokens());
    assertNull(JsonPointer.parseFragment("/a%2").tokens());
    assertNull(JsonPointer.parseFragment("/a%C3").tokens()); // a lone UTF-8 lead byte
    assertNull(JsonPointer.parseFragment("/a~").tokens());
  }

  @Test
  void arrayIndexIsDecimalWithoutLeadingZero() {
    assertEquals(0, JsonPointer.arrayIndex("0"));
    assertEquals(12, JsonPointer.arrayIndex("12"));
    assertEquals(-1, JsonPointer.arrayIndex("012"));
    assertEquals(-1, JsonPointer.arrayIndex("-1"));
    assertEquals(-1, JsonPointer.arrayIndex("1e2"));
    assertEquals(-1, JsonPointer.arrayIndex("99999999999"));
  }

  @Test
  void percentDecodingHandlesMultiByteCharacters() {
    assertEquals(Optional.of("\u00e9t\u00e9"), JsonPointer.percentDecode("%C3%A9t%c3%a9"));
  }
}
