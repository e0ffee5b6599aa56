package io.asyncws.generator.model;

import io.asyncws.generator.tree.SourceLocation;
import java.util.List;
import java.util.Optional;

/**
 * A server the API is available on.
 *
 * <p>3.x documents give {@code host} and {@code pathname}; 2.x documents give one {@code url}. Both
 * are kept as written, and {@link #urlTemplate()} gives the one form code generators need.
 *
 * @param name the key under {@code servers}
 * @param protocol e.g. {@code ws}, {@code wss}, {@code kafka}
 * @param protocolVersion or null
 * @param host 3.x host (may contain {@code {variables}}), or null for 2.x
 * @param pathname 3.x pathname, or null
 * @param url 2.x url (may contain {@code {variables}}), or null for 3.x
 * @param description or null
 * @param variables the server variables in document order
 * @param security the security requirements, alternatives in document order
 * @param location where the server stands
 */
public record Server(
    String name,
    String protocol,
    String protocolVersion,
    String host,
    String pathname,
    String url,
    String description,
    List<ServerVariable> variables,
    List<SecurityRequirement> security,
    SourceLocation location) {

  public Server {
    variables = List.copyOf(variables);
    security = List.copyOf(security);
  }

  /**
   * The server's address as one template, {@code {variables}} left in place: the 2.x url as
   * written, or for 3.x {@code protocol://host/pathname}.
   */
  public String urlTemplate() {
    if (url != null) return url;
    String path = pathname == null ? "" : pathname.startsWith("/") ? pathname : "/" + pathname;
    return protocol + "://" + host + path;
  }

  /** Whether clients reach this server over WebSocket ({@code ws} or {@code wss}). */
  public boolean isWebSocket() {
    return "ws".equals(protocol) || "wss".equals(protocol);
  }

  /** The variable with this name, if declared. */
  public Optional<ServerVariable> variable(String variableName) {
    return variables.stream().filter(v -> v.name().equals(variableName)).findFirst();
  }
}
