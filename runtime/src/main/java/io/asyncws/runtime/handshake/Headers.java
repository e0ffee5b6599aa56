package io.asyncws.runtime.handshake;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;

/**
 * HTTP header fields in the order they were received or added. Names compare case-insensitively; a
 * name may occur more than once. Immutable and thread-safe; build one with {@link #builder()}.
 *
 * <p>Names are HTTP tokens and values hold no CR, LF or other control character but HTAB, so a
 * {@code Headers} can be written onto the wire without risk of splitting a response. Values are
 * characters 0-255 because HTTP fields are ISO-8859-1 on the wire.
 */
public final class Headers {
  /** No header fields. */
  public static final Headers EMPTY = new Headers(new String[0], new String[0]);

  // Arrays, not lists: a server builds one Headers per handshake, and lookups below allocate
  // nothing, so an idle connection's handshake leaves little garbage behind.
  private final String[] names;
  private final String[] values;

  private Headers(String[] names, String[] values) {
    this.names = names;
    this.values = values;
  }

  /** Headers from alternating names and values: {@code of("Origin", "https://a.example")}. */
  public static Headers of(String... namesAndValues) {
    if (namesAndValues.length % 2 != 0) {
      throw new IllegalArgumentException("Expected name/value pairs, got an odd count.");
    }
    Builder builder = builder();
    for (int i = 0; i < namesAndValues.length; i += 2) {
      builder.add(namesAndValues[i], namesAndValues[i + 1]);
    }
    return builder.build();
  }

  /** An empty builder. */
  public static Builder builder() {
    return new Builder();
  }

  /** A builder holding these fields, to add to or change. */
  public Builder toBuilder() {
    return new Builder().addAll(this);
  }

  /** Number of fields, counting each occurrence of a repeated name. */
  public int size() {
    return names.length;
  }

  /** Name of field {@code index}, spelled as received. */
  public String name(int index) {
    return names[index];
  }

  /** Value of field {@code index}, without leading or trailing whitespace. */
  public String value(int index) {
    return values[index];
  }

  /** Value of the first field named {@code name}. */
  public Optional<String> first(String name) {
    return Optional.ofNullable(valueOrNull(name));
  }

  /** Value of the first field named {@code name}, or null: {@link #first} without an Optional. */
  String valueOrNull(String name) {
    int index = indexOf(name, 0);
    return index < 0 ? null : values[index];
  }

  /** Values of every field named {@code name}, in order; empty when there is none. */
  public List<String> all(String name) {
    int first = indexOf(name, 0);
    if (first < 0) return List.of();
    int second = indexOf(name, first + 1);
    if (second < 0) return List.of(values[first]); // the usual case, without a list to grow
    List<String> result = new ArrayList<>(4);
    for (int i = first; i >= 0; i = indexOf(name, i + 1)) result.add(values[i]);
    return Collections.unmodifiableList(result);
  }

  /**
   * The comma-separated list elements of every field named {@code name}: {@code Connection:
   * keep-alive, Upgrade} gives {@code [keep-alive, Upgrade]}. Elements are trimmed and empty ones
   * dropped, as RFC 9110 §5.6.1 asks of recipients. Quoted strings are not recognised; use this for
   * headers whose elements are tokens.
   */
  public List<String> tokens(String name) {
    if (indexOf(name, 0) < 0) return List.of();
    List<String> result = new ArrayList<>();
    for (String value : all(name)) {
      for (String element : value.split(",", -1)) {
        String token = Http.trimOws(element);
        if (!token.isEmpty()) result.add(token);
      }
    }
    return Collections.unmodifiableList(result);
  }

  /** Whether {@link #tokens(String)} of {@code name} contains {@code token}, ignoring case. */
  public boolean hasToken(String name, String token) {
    // Scans the values in place: the same elements as tokens(name) yields, without the lists.
    for (int i = indexOf(name, 0); i >= 0; i = indexOf(name, i + 1)) {
      String value = values[i];
      int start = 0;
      while (start <= value.length()) {
        int comma = value.indexOf(',', start);
        int end = comma < 0 ? value.length() : comma;
        int from = start;
        int to = end;
        while (from < to && Http.isOws(value.charAt(from))) from++;
        while (to > from && Http.isOws(value.charAt(to - 1))) to--;
        if (to > from
            && to - from == token.length()
            && value.regionMatches(true, from, token, 0, to - from)) {
          return true;
        }
        start = end + 1;
      }
    }
    return false;
  }

  /** Index of the first field named {@code name} at or after {@code from}, or -1. */
  private int indexOf(String name, int from) {
    for (int i = from; i < names.length; i++) {
      if (names[i].equalsIgnoreCase(name)) return i;
    }
    return -1;
  }

  /** Number of fields named {@code name}. */
  public int count(String name) {
    int count = 0;
    for (String n : names) {
      if (n.equalsIgnoreCase(name)) count++;
    }
    return count;
  }

  /**
   * The fields as an unmodifiable map from name to values, for applications. Lookups ignore case,
   * like {@code java.net.http.HttpHeaders#map()}; keys iterate in case-insensitive order.
   */
  public Map<String, List<String>> toMap() {
    TreeMap<String, List<String>> map = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
    for (int i = 0; i < names.length; i++) {
      map.computeIfAbsent(names[i], k -> new ArrayList<>()).add(values[i]);
    }
    map.replaceAll((k, v) -> List.copyOf(v));
    return Collections.unmodifiableMap(map);
  }

  /**
   * The fields as an unmodifiable map from lower-case name to values, looked up in place rather
   * than copied: what {@code HandshakeRequest} hands applications, most of which never look.
   */
  public HeaderMap toLowerCaseMap() {
    return new HeaderMap(this);
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof Headers other
        && Arrays.equals(names, other.names)
        && Arrays.equals(values, other.values);
  }

  @Override
  public int hashCode() {
    return 31 * Arrays.hashCode(names) + Arrays.hashCode(values);
  }

  /** The fields as they would be written, one {@code Name: value} per line. */
  @Override
  public String toString() {
    StringBuilder sb = new StringBuilder();
    for (int i = 0; i < names.length; i++) {
      sb.append(names[i]).append(": ").append(values[i]).append('\n');
    }
    return sb.toString();
  }

  /** Collects header fields; checks each name and value as it is added. Not thread-safe. */
  public static final class Builder {
    private final List<String> names = new ArrayList<>();
    private final List<String> values = new ArrayList<>();

    private Builder() {}

    /**
     * Appends a field. Leading and trailing spaces and tabs of {@code value} are removed.
     *
     * @throws IllegalArgumentException if {@code name} is not an HTTP token or {@code value} holds
     *     a control character other than HTAB or a character above U+00FF
     */
    public Builder add(String name, String value) {
      checkName(name);
      names.add(name);
      values.add(checkedValue(name, value));
      return this;
    }

    /** Appends every field of {@code headers}. */
    public Builder addAll(Headers headers) {
      names.addAll(Arrays.asList(headers.names));
      values.addAll(Arrays.asList(headers.values));
      return this;
    }

    /** Removes every field named {@code name}, then appends one with {@code value}. */
    public Builder set(String name, String value) {
      remove(name);
      return add(name, value);
    }

    /** Removes every field named {@code name}. */
    public Builder remove(String name) {
      for (int i = names.size() - 1; i >= 0; i--) {
        if (names.get(i).equalsIgnoreCase(name)) {
          names.remove(i);
          values.remove(i);
        }
      }
      return this;
    }

    /** The headers collected so far. */
    public Headers build() {
      return names.isEmpty()
          ? EMPTY
          : new Headers(names.toArray(new String[0]), values.toArray(new String[0]));
    }

    private static void checkName(String name) {
      Objects.requireNonNull(name, "name");
      if (!Http.isToken(name)) {
        throw new IllegalArgumentException("Header name is not an HTTP token: \"" + name + "\".");
      }
    }
  }

  /**
   * {@code value} without leading and trailing spaces and tabs, as {@link Builder#add} stores it.
   *
   * @throws IllegalArgumentException if it holds a control character other than HTAB or a
   *     character above U+00FF
   */
  static String checkedValue(String name, String value) {
    String trimmed = Http.trimOws(Objects.requireNonNull(value, "value"));
    checkValue(name, trimmed);
    return trimmed;
  }

  private static void checkValue(String name, String value) {
    for (int i = 0; i < value.length(); i++) {
      char c = value.charAt(i);
      if (!Http.isFieldValueChar(c)) {
        throw new IllegalArgumentException(
            "Value of header "
                + name
                + " holds the forbidden character U+"
                + String.format("%04X", (int) c)
                + " at index "
                + i
                + ".");
      }
    }
  }
}
