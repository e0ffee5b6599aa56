package io.asyncws.generator.model;

import io.asyncws.generator.tree.SourceLocation;
import java.util.List;

/**
 * One security scheme a server or operation requires.
 *
 * @param scheme the scheme required
 * @param scopes OAuth2/OpenID scopes, empty otherwise
 * @param location where the requirement stands
 */
public record SecurityRequirement(SecurityScheme scheme, List<String> scopes, SourceLocation location) {
  public SecurityRequirement {
    scopes = List.copyOf(scopes);
  }
}
