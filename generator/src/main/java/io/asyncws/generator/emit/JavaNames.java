package io.asyncws.generator.emit;

import com.palantir.javapoet.NameAllocator;
import java.util.HashSet;
import java.util.Locale;
import java.util.Set;
import javax.lang.model.SourceVersion;

/**
 * Java identifiers for names from a document. Property names such as {@code class}, {@code $ref},
 * {@code 2fa} and {@code user-name} are all real: words are split at anything that is not a letter
 * or digit, a leading digit gets an underscore, and JavaPoet's {@link NameAllocator} resolves
 * keywords and clashes deterministically (first come keeps the name).
 */
public final class JavaNames {
  private JavaNames() {}

  /**
   * The public types of {@code java.lang}: a generated type with one of these names would shadow it
   * in every file of its package, because same-package types win over implicit imports.
   */
  private static final Set<String> JAVA_LANG =
      Set.of(
          "Object",
          "String",
          "Record",
          "Enum",
          "Class",
          "Integer",
          "Long",
          "Double",
          "Float",
          "Short",
          "Byte",
          "Character",
          "Boolean",
          "Number",
          "Void",
          "Math",
          "System",
          "Thread",
          "Runtime",
          "Iterable",
          "Comparable",
          "Override",
          "Deprecated",
          "SuppressWarnings",
          "FunctionalInterface",
          "SafeVarargs",
          "Exception",
          "Error",
          "RuntimeException",
          "Throwable",
          "StringBuilder",
          "CharSequence",
          "Process",
          "Module",
          "Package",
          "ClassLoader",
          "Runnable",
          "AutoCloseable",
          "Cloneable",
          "IllegalArgumentException",
          "IllegalStateException",
          "NullPointerException");

  /** Methods every record has: a component with one of these names would not compile. */
  public static final Set<String> OBJECT_METHODS =
      Set.of(
          "hashCode",
          "toString",
          "equals",
          "getClass",
          "notify",
          "notifyAll",
          "wait",
          "clone",
          "finalize");

  /** {@code text} in PascalCase: {@code user-name} → {@code UserName}, case kept inside words. */
  public static String pascal(String text) {
    StringBuilder out = new StringBuilder();
    boolean upper = true;
    for (int i = 0; i < text.length(); ) {
      int cp = text.codePointAt(i);
      i += Character.charCount(cp);
      if (!Character.isLetterOrDigit(cp) || !Character.isJavaIdentifierPart(cp)) {
        upper = true;
        continue;
      }
      out.appendCodePoint(upper ? Character.toUpperCase(cp) : cp);
      upper = false;
    }
    return out.toString();
  }

  /** {@code text} in camelCase, or {@code fallback} when it has no letters or digits. */
  public static String camel(String text, String fallback) {
    String p = pascal(text);
    if (p.isEmpty()) return fallback;
    // An all-caps word (ID, URL) reads better entirely lower-cased than as iD or uRL.
    int upperRun = 0;
    while (upperRun < p.length() && Character.isUpperCase(p.charAt(upperRun))) upperRun++;
    String camel =
        upperRun == p.length()
            ? p.toLowerCase(Locale.ROOT)
            : p.substring(0, 1).toLowerCase(Locale.ROOT) + p.substring(1);
    return Character.isDigit(camel.charAt(0)) ? "_" + camel : camel;
  }

  /**
   * {@code text} as a constant: {@code cancel_only} → {@code CANCEL_ONLY}, {@code 5} → {@code _5}.
   */
  public static String constant(String text) {
    StringBuilder out = new StringBuilder();
    boolean gap = false;
    for (int i = 0; i < text.length(); ) {
      int cp = text.codePointAt(i);
      i += Character.charCount(cp);
      boolean part = Character.isLetterOrDigit(cp) && Character.isJavaIdentifierPart(cp);
      if (!part) {
        gap = out.length() > 0;
        continue;
      }
      // camelCase words become separate: channelId → CHANNEL_ID.
      if (out.length() > 0
          && Character.isUpperCase(cp)
          && i >= 2
          && Character.isLowerCase(text.codePointBefore(i - Character.charCount(cp)))) {
        gap = true;
      }
      if (gap) out.append('_');
      gap = false;
      out.append(new String(Character.toChars(cp)).toUpperCase(Locale.ROOT));
    }
    if (out.length() == 0) return "EMPTY";
    return Character.isDigit(out.charAt(0)) ? "_" + out : out.toString();
  }

  /**
   * Allocates top-level type names in one package: PascalCase, never a keyword, never a {@code
   * java.lang} name ({@code Object} → {@code ObjectModel}), and unique ignoring case, because
   * {@code Ping.java} and {@code ping.java} are one file on macOS and Windows.
   */
  public static final class TypeAllocator {
    private final Set<String> taken = new HashSet<>();

    /** A fresh type name derived from {@code wanted}. */
    public String newName(String wanted) {
      String base = pascal(wanted);
      if (base.isEmpty()) base = "Unnamed";
      if (Character.isDigit(base.charAt(0))) base = "_" + base;
      if (JAVA_LANG.contains(base) || SourceVersion.isKeyword(base)) base = base + "Model";
      String name = base;
      for (int n = 2; !taken.add(name.toLowerCase(Locale.ROOT)); n++) name = base + n;
      return name;
    }
  }

  /**
   * A {@link NameAllocator} for the members of one record, with {@link #OBJECT_METHODS} reserved.
   */
  public static NameAllocator memberAllocator() {
    NameAllocator names = new NameAllocator();
    for (String reserved : OBJECT_METHODS) names.newName(reserved, "reserved:" + reserved);
    return names;
  }
}
