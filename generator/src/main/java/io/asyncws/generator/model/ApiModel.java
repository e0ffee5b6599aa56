package io.asyncws.generator.model;

import io.asyncws.generator.tree.SourceLocation;
import java.util.List;
import java.util.Optional;

/**
 * One AsyncAPI document, linked: the root of the model.
 *
 * @param asyncApiVersion the document's {@code asyncapi} field, e.g. {@code 2.6.0}
 * @param info title, version and description
 * @param defaultContentType the document's {@code defaultContentType}, or null; messages without
 *     their own content type already carry this one
 * @param servers the servers in document order
 * @param channels the channels in document order
 * @param operations the operations, each from this application's point of view
 * @param securitySchemes every security scheme in {@code components}, in document order
 * @param schemas every schema of the document, shared and circular ones included
 * @param location where the document starts
 */
public record ApiModel(
    String asyncApiVersion,
    Info info,
    String defaultContentType,
    List<Server> servers,
    List<Channel> channels,
    List<Operation> operations,
    List<SecurityScheme> securitySchemes,
    SchemaGraph schemas,
    SourceLocation location) {

  public ApiModel {
    servers = List.copyOf(servers);
    channels = List.copyOf(channels);
    operations = List.copyOf(operations);
    securitySchemes = List.copyOf(securitySchemes);
  }

  /** The channel with this id (the key under {@code channels}), if any. */
  public Optional<Channel> channel(String id) {
    return channels.stream().filter(c -> c.id().equals(id)).findFirst();
  }

  /** The operation with this id, if any. */
  public Optional<Operation> operation(String id) {
    return operations.stream().filter(o -> o.id().equals(id)).findFirst();
  }

  /** The server with this name, if any. */
  public Optional<Server> server(String name) {
    return servers.stream().filter(s -> s.name().equals(name)).findFirst();
  }

  /** The major version: 2 or 3. */
  public int majorVersion() {
    return asyncApiVersion.startsWith("2") ? 2 : 3;
  }
}
