package io.asyncws.runtime.handshake;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * One element of a {@code Sec-WebSocket-Extensions} header: an extension name and its parameters in
 * the order written, e.g. {@code permessage-deflate; client_max_window_bits;
 * server_max_window_bits=10}. Duplicate parameters are kept so a negotiator can decline them, as
 * RFC 7692 §7 requires.
 *
 * @param name the extension token, as written
 * @param params the parameters in order, duplicates included
 */
public record ExtensionOffer(String name, List<Param> params) {
  public ExtensionOffer {
    Objects.requireNonNull(name, "name");
    params = List.copyOf(params);
  }

  /**
   * One parameter: {@code client_max_window_bits} has no value, {@code server_max_window_bits=10}
   * and {@code server_max_window_bits="10"} both have the value {@code 10}.
   *
   * @param name the parameter token
   * @param value the value, already unquoted; empty when the parameter has none
   */
  public record Param(String name, Optional<String> value) {
    public Param {
      Objects.requireNonNull(name, "name");
      Objects.requireNonNull(value, "value");
    }
  }

  /** Whether a parameter named {@code name} is present, ignoring case. */
  public boolean has(String name) {
    return count(name) > 0;
  }

  /** How often a parameter named {@code name} occurs, ignoring case; above 1 is a duplicate. */
  public int count(String name) {
    int count = 0;
    for (Param p : params) {
      if (p.name().equalsIgnoreCase(name)) count++;
    }
    return count;
  }

  /** Value of the first parameter named {@code name}; empty when absent or valueless. */
  public Optional<String> value(String name) {
    for (Param p : params) {
      if (p.name().equalsIgnoreCase(name)) return p.value();
    }
    return Optional.empty();
  }

  /** Whether any parameter name occurs more than once. */
  public boolean hasDuplicateParams() {
    for (Param p : params) {
      if (count(p.name()) > 1) return true;
    }
    return false;
  }

  /** The offer as it is written in a header: {@code name; param; param=value}. */
  @Override
  public String toString() {
    StringBuilder sb = new StringBuilder(name);
    for (Param p : params) {
      sb.append("; ").append(p.name());
      p.value().ifPresent(v -> sb.append('=').append(v));
    }
    return sb.toString();
  }
}
