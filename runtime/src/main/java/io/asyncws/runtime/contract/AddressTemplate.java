package io.asyncws.runtime.contract;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * A channel address with {@code {parameters}}, such as {@code /rooms/{roomId}}: matches request
 * paths (server routing) and builds them from parameter values (client URLs).
 *
 * <p>A parameter stands for one whole path segment or part of one ({@code /v1/{symbol}.json}); it
 * never spans a {@code /}. Values are percent-encoded when an address is built and
 * percent-decoded when a raw path is matched. Immutable and thread-safe.
 */
public final class AddressTemplate {
  private final String template;
  /** Literal text and parameter names, alternating: literal, name, literal, ..., literal. */
  private final List<String> parts;

  private AddressTemplate(String template, List<String> parts) {
    this.template = template;
    this.parts = parts;
  }

  /**
   * Parses {@code template}.
   *
   * @throws IllegalArgumentException if a brace is unbalanced, a name is empty or two parameters
   *     touch (then no path could tell where one ends)
   */
  public static AddressTemplate parse(String template) {
    Objects.requireNonNull(template, "template");
    List<String> parts = new ArrayList<>();
    StringBuilder literal = new StringBuilder();
    int i = 0;
    while (i < template.length()) {
      char c = template.charAt(i);
      if (c == '}') throw new IllegalArgumentException("unbalanced '}' in address " + template);
      if (c != '{') {
        literal.append(c);
        i++;
        continue;
      }
      int end = template.indexOf('}', i);
      if (end < 0) throw new IllegalArgumentException("unbalanced '{' in address " + template);
      String name = template.substring(i + 1, end);
      if (name.isEmpty() || name.indexOf('{') >= 0) {
        throw new IllegalArgumentException("bad parameter name in address " + template);
      }
      if (literal.length() == 0 && !parts.isEmpty()) {
        throw new IllegalArgumentException("two parameters touch in address " + template);
      }
      parts.add(literal.toString());
      parts.add(name);
      literal.setLength(0);
      i = end + 1;
    }
    parts.add(literal.toString());
    return new AddressTemplate(template, List.copyOf(parts));
  }

  /** The template as written. */
  public String template() {
    return template;
  }

  /** The parameter names in order of appearance. */
  public List<String> parameterNames() {
    List<String> names = new ArrayList<>();
    for (int i = 1; i < parts.size(); i += 2) names.add(parts.get(i));
    return Collections.unmodifiableList(names);
  }

  /**
   * Matches an already percent-decoded path, as {@link io.asyncws.runtime.HandshakeRequest#path()}
   * gives it.
   *
   * @return the parameter values by name, or empty when the path does not fit the template
   */
  public Optional<Map<String, String>> match(String path) {
    return match(path, false);
  }

  /** Matches a raw path ({@code URI.getRawPath()}), percent-decoding each parameter value. */
  public Optional<Map<String, String>> matchRaw(String rawPath) {
    return match(rawPath, true);
  }

  private Optional<Map<String, String>> match(String path, boolean decode) {
    Objects.requireNonNull(path, "path");
    Map<String, String> values = new LinkedHashMap<>();
    String first = parts.get(0);
    if (!path.startsWith(first)) return Optional.empty();
    int at = first.length();
    for (int i = 1; i < parts.size(); i += 2) {
      String next = parts.get(i + 1);
      boolean last = i + 2 == parts.size();
      // A value runs to the next literal within its segment, or to the segment's end.
      int segmentEnd = path.indexOf('/', at);
      if (segmentEnd < 0) segmentEnd = path.length();
      int end;
      if (last && next.isEmpty()) {
        end = segmentEnd;
      } else if (next.isEmpty()) {
        return Optional.empty();
      } else {
        end = path.indexOf(next, at);
        if (end < 0 || end > segmentEnd) return Optional.empty();
      }
      if (end == at) return Optional.empty();
      String value = path.substring(at, end);
      values.put(parts.get(i), decode ? decode(value) : value);
      at = end + next.length();
    }
    return at == path.length() ? Optional.of(Collections.unmodifiableMap(values)) : Optional.empty();
  }

  /**
   * Builds the address from parameter values, percent-encoding each value as a path segment.
   *
   * @throws IllegalArgumentException if a parameter has no value or an empty one
   */
  public String expand(Map<String, String> values) {
    StringBuilder out = new StringBuilder(parts.get(0));
    for (int i = 1; i < parts.size(); i += 2) {
      String value = values.get(parts.get(i));
      if (value == null || value.isEmpty()) {
        throw new IllegalArgumentException(
            "the address " + template + " needs a value for parameter '" + parts.get(i) + "'");
      }
      out.append(UriText.encodePathSegment(value)).append(parts.get(i + 1));
    }
    return out.toString();
  }

  private static String decode(String raw) {
    // URLDecoder would turn '+' into a space, which is right in queries but not in paths.
    return URLDecoder.decode(raw.replace("+", "%2B"), StandardCharsets.UTF_8);
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof AddressTemplate t && t.template.equals(template);
  }

  @Override
  public int hashCode() {
    return template.hashCode();
  }

  @Override
  public String toString() {
    return template;
  }
}
