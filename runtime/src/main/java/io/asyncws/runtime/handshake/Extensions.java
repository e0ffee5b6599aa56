package io.asyncws.runtime.handshake;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The parsed {@code Sec-WebSocket-Extensions} header fields of a handshake (RFC 6455 §9.1).
 *
 * <p>Parsing never throws. A malformed header yields {@link #isMalformed()} with no offers and the
 * reason in {@link #error()}: a server then declines every extension and goes on with the handshake
 * (RFC 7692 §7), a client fails the connection.
 *
 * @param offers the extensions in the order written, all header fields concatenated
 * @param error why the header is malformed; empty when it parsed
 */
public record Extensions(List<ExtensionOffer> offers, Optional<String> error) {
  /** No extension header at all. */
  public static final Extensions NONE = new Extensions(List.of(), Optional.empty());

  public Extensions {
    offers = List.copyOf(offers);
    Objects.requireNonNull(error, "error");
  }

  /** Parses the values of every {@code Sec-WebSocket-Extensions} field, in order. */
  public static Extensions parse(List<String> headerValues) {
    return headerValues.isEmpty() ? NONE : parse(String.join(",", headerValues));
  }

  /** Parses one header value. */
  public static Extensions parse(String headerValue) {
    try {
      return new Extensions(new Parser(headerValue).extensionList(), Optional.empty());
    } catch (IllegalArgumentException e) {
      return new Extensions(List.of(), Optional.of(e.getMessage()));
    }
  }

  /** Whether the header did not follow the grammar; then {@link #offers()} is empty. */
  public boolean isMalformed() {
    return error.isPresent();
  }

  /** Names of the offered extensions, in order, duplicates kept. */
  public List<String> names() {
    List<String> names = new ArrayList<>(offers.size());
    for (ExtensionOffer offer : offers) names.add(offer.name());
    return List.copyOf(names);
  }

  /** Whether an extension named {@code name} is among the offers, ignoring case. */
  public boolean contains(String name) {
    for (ExtensionOffer offer : offers) {
      if (offer.name().equalsIgnoreCase(name)) return true;
    }
    return false;
  }

  /**
   * A recursive-descent parser of {@code 1#extension} with optional whitespace around every
   * separator, as the implied linear whitespace of RFC 6455's ABNF allows. Empty list elements are
   * skipped (RFC 9110 §5.6.1). Throws IllegalArgumentException with a readable reason.
   */
  private static final class Parser {
    private final String s;
    private int pos;

    Parser(String s) {
      this.s = s;
    }

    List<ExtensionOffer> extensionList() {
      List<ExtensionOffer> offers = new ArrayList<>();
      skipOws();
      while (pos < s.length()) {
        if (peek() == ',') {
          pos++;
          skipOws();
          continue;
        }
        offers.add(extension());
        if (pos < s.length()) {
          expect(',', "a ',' or ';' after extension " + offers.get(offers.size() - 1).name());
          skipOws();
        }
      }
      return offers;
    }

    private ExtensionOffer extension() {
      String name = token("an extension name");
      skipOws();
      List<ExtensionOffer.Param> params = new ArrayList<>();
      while (pos < s.length() && peek() == ';') {
        pos++;
        skipOws();
        String param = token("a parameter name after ';'");
        skipOws();
        Optional<String> value = Optional.empty();
        if (pos < s.length() && peek() == '=') {
          pos++;
          skipOws();
          value =
              Optional.of(
                  pos < s.length() && peek() == '"'
                      ? quoted(param)
                      : token("a value for " + param));
          skipOws();
        }
        params.add(new ExtensionOffer.Param(param, value));
      }
      return new ExtensionOffer(name, params);
    }

    private String token(String what) {
      int start = pos;
      while (pos < s.length() && Http.isTokenChar(peek())) pos++;
      if (pos == start) throw error("Expected " + what);
      return s.substring(start, pos);
    }

    /** A quoted-string whose content, once unescaped, must be a token (§9.1). */
    private String quoted(String param) {
      pos++; // opening quote
      StringBuilder value = new StringBuilder();
      while (true) {
        if (pos >= s.length()) throw error("Unterminated quoted value of " + param);
        char c = s.charAt(pos++);
        if (c == '"') break;
        if (c == '\\') {
          if (pos >= s.length()) throw error("Unterminated quoted value of " + param);
          c = s.charAt(pos++);
        }
        value.append(c);
      }
      String unquoted = value.toString();
      if (!Http.isToken(unquoted)) {
        throw error("The quoted value of " + param + " is not a token");
      }
      return unquoted;
    }

    private void expect(char c, String what) {
      if (peek() != c) throw error("Expected " + what);
      pos++;
    }

    private char peek() {
      return s.charAt(pos);
    }

    private void skipOws() {
      while (pos < s.length() && Http.isOws(s.charAt(pos))) pos++;
    }

    private IllegalArgumentException error(String message) {
      return new IllegalArgumentException(
          message + " at index " + pos + " of Sec-WebSocket-Extensions \"" + s + "\".");
    }
  }
}
