package io.asyncws.generator.emit.api;

import com.palantir.javapoet.NameAllocator;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import javax.lang.model.SourceVersion;

/** Java names from document names, and document text made safe for Javadoc. */
final class ApiNames {
  private ApiNames() {}

  /** The words of {@code text}: runs of letters and digits, camel humps split. */
  static List<String> words(String text) {
    List<String> words = new ArrayList<>();
    StringBuilder word = new StringBuilder();
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (!Character.isLetterOrDigit(c)) {
        flush(word, words);
        continue;
      }
      boolean hump = Character.isUpperCase(c) && i > 0 && Character.isLowerCase(text.charAt(i - 1));
      if (hump) flush(word, words);
      word.append(c);
    }
    flush(word, words);
    return words;
  }

  private static void flush(StringBuilder word, List<String> words) {
    if (word.length() > 0) words.add(word.toString());
    word.setLength(0);
  }

  /** {@code "kraken websockets"} → {@code KrakenWebsockets}; never empty, never a keyword. */
  static String typeName(String text) {
    StringBuilder out = new StringBuilder();
    for (String w : words(text)) out.append(capitalize(w));
    if (out.length() == 0) return "Api";
    if (!Character.isJavaIdentifierStart(out.charAt(0))) out.insert(0, '_');
    return out.toString();
  }

  /** {@code "sub scription"} → {@code subScription}; a keyword gets a trailing underscore. */
  static String memberName(String text) {
    String type = typeName(text);
    String name = Character.toLowerCase(type.charAt(0)) + type.substring(1);
    return SourceVersion.isKeyword(name) ? name + "_" : NameAllocator.toJavaIdentifier(name);
  }

  /** {@code "cancel_only"} → {@code CANCEL_ONLY}. */
  static String constantName(String text) {
    String joined = String.join("_", words(text)).toUpperCase(Locale.ROOT);
    if (joined.isEmpty()) return "EMPTY";
    return Character.isJavaIdentifierStart(joined.charAt(0)) ? joined : "_" + joined;
  }

  static String capitalize(String word) {
    return word.isEmpty() ? word : Character.toUpperCase(word.charAt(0)) + word.substring(1);
  }

  /**
   * The API's class-name prefix from its title: {@code "Kraken Websockets API"} → {@code
   * KrakenWebsockets} (a trailing "API" adds nothing to class names that end in Client or Server).
   */
  static String apiPrefix(String title) {
    List<String> words = new ArrayList<>(words(title));
    if (words.size() > 1 && words.get(words.size() - 1).equalsIgnoreCase("api")) words.remove(words.size() - 1);
    return typeName(String.join(" ", words));
  }

  /**
   * Document text for a Javadoc comment: {@code *}{@code /} would end the comment, and a line
   * starting with {@code @} would read as a block tag.
   */
  static String javadoc(String text) {
    if (text == null) return "";
    String safe = text.strip().replace("*/", "*&#47;").replace("\r\n", "\n");
    return safe.replaceAll("(?m)^(\\s*)@", "$1&#64;");
  }

  /** The first non-null, non-blank text among {@code texts}, sanitised, or the empty string. */
  static String firstText(String... texts) {
    for (String t : texts) if (t != null && !t.isBlank()) return javadoc(t);
    return "";
  }
}
