package io.asyncws.runtime.contract;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Objects;

/**
 * Percent-encoding and URL assembly for generated clients: server URL templates, channel
 * addresses and handshake query parameters.
 */
public final class UriText {
  private static final String HEX = "0123456789ABCDEF";

  private UriText() {}

  /**
   * Percent-encodes {@code value} for a path segment: everything but RFC 3986 unreserved
   * characters, so a value can never add a {@code /} or a {@code ?}.
   */
  public static String encodePathSegment(String value) {
    return encode(value);
  }

  /** Percent-encodes {@code value} for a query name or value, with the same rule. */
  public static String encodeQueryComponent(String value) {
    return encode(value);
  }

  private static String encode(String value) {
    StringBuilder out = new StringBuilder(value.length());
    for (byte b : value.getBytes(StandardCharsets.UTF_8)) {
      int c = b & 0xff;
      boolean unreserved = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9')
          || c == '-' || c == '.' || c == '_' || c == '~';
      if (unreserved) {
        out.append((char) c);
      } else {
        out.append('%').append(HEX.charAt(c >> 4)).append(HEX.charAt(c & 0xf));
      }
    }
    return out.toString();
  }

  /**
   * Replaces each {@code {name}} of a server URL template with its value, as given: server
   * variables may stand for a host, a port or several path segments, so they are not encoded.
   *
   * @throws IllegalArgumentException if a variable of the template has no value
   */
  public static String substitute(String template, Map<String, String> values) {
    StringBuilder out = new StringBuilder();
    int i = 0;
    while (i < template.length()) {
      int open = template.indexOf('{', i);
      if (open < 0) break;
      int close = template.indexOf('}', open);
      if (close < 0) break;
      String name = template.substring(open + 1, close);
      String value = values.get(name);
      if (value == null) {
        throw new IllegalArgumentException("the URL " + template + " needs a value for '" + name + "'");
      }
      out.append(template, i, open).append(value);
      i = close + 1;
    }
    return out.append(template.substring(i)).toString();
  }

  /**
   * Joins a server URL and a channel address and appends query parameters whose value is not
   * null, in the map's order: {@code ws://host/base} + {@code /rooms/a} + {@code {token=x}} gives
   * {@code ws://host/base/rooms/a?token=x}.
   */
  public static URI join(String serverUrl, String address, Map<String, String> query) {
    Objects.requireNonNull(serverUrl, "serverUrl");
    String base = serverUrl.endsWith("/") ? serverUrl.substring(0, serverUrl.length() - 1) : serverUrl;
    String path = address == null || address.isEmpty() ? "/" : address.startsWith("/") ? address : "/" + address;
    StringBuilder url = new StringBuilder(base).append(path);
    char separator = '?';
    for (Map.Entry<String, String> e : query.entrySet()) {
      if (e.getValue() == null) continue;
      url.append(separator).append(encodeQueryComponent(e.getKey())).append('=')
          .append(encodeQueryComponent(e.getValue()));
      separator = '&';
    }
    return URI.create(url.toString());
  }
}
