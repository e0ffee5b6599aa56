package io.asyncws.generator.emit;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.palantir.javapoet.NameAllocator;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(value = 10, unit = TimeUnit.SECONDS)
class JavaNamesTest {

  @Test
  void memberNamesAreLegalJavaForRealPropertyNames() {
    NameAllocator names = JavaNames.memberAllocator();
    assertEquals("class_", names.newName(JavaNames.camel("class", "p"), 1));
    assertEquals("default_", names.newName(JavaNames.camel("default", "p"), 2));
    assertEquals("ref", names.newName(JavaNames.camel("$ref", "p"), 3));
    assertEquals("_2fa", names.newName(JavaNames.camel("2fa", "p"), 4));
    assertEquals("userName", names.newName(JavaNames.camel("user-name", "p"), 5));
    assertEquals("naïve", names.newName(JavaNames.camel("naïve", "p"), 6));
    assertEquals("hashCode_", names.newName(JavaNames.camel("hashCode", "p"), 7));
    assertEquals("userName_", names.newName(JavaNames.camel("user_name", "p"), 8));
    assertEquals("p", names.newName(JavaNames.camel("@@", "p"), 9));
  }

  @Test
  void allCapsWordsBecomeLowerCaseMembers() {
    assertEquals("id", JavaNames.camel("ID", "p"));
    assertEquals("channelID", JavaNames.camel("channelID", "p"));
  }

  @Test
  void typeNamesAvoidJavaLangCaseClashesAndKeywords() {
    JavaNames.TypeAllocator types = new JavaNames.TypeAllocator();
    assertEquals("ObjectModel", types.newName("Object"));
    assertEquals("RecordModel", types.newName("record"));
    assertEquals("Ping", types.newName("ping"));
    assertEquals("Ping2", types.newName("Ping"));
    assertEquals("_2fa", types.newName("2fa"));
    assertEquals("Unnamed", types.newName("--"));
  }

  @Test
  void constantsSplitWordsAndSymbols() {
    assertEquals("CANCEL_ONLY", JavaNames.constant("cancel_only"));
    assertEquals("XBT_EUR", JavaNames.constant("XBT/EUR"));
    assertEquals("CHANNEL_ID", JavaNames.constant("channelId"));
    assertEquals("OHLC_5", JavaNames.constant("ohlc-5"));
    assertEquals("_5", JavaNames.constant("5"));
    assertEquals("EMPTY", JavaNames.constant(""));
  }

  @Test
  void javadocTextCannotEndTheCommentOrStartATag() {
    assertEquals("a *&#47; b", JavadocText.sanitize("a */ b"));
    assertEquals("&#64;since &lt;b&gt; &amp;", JavadocText.sanitize("@since <b> &"));
    assertEquals("&#92;u002a/", JavadocText.sanitize("\\u002a/"));
  }
}
