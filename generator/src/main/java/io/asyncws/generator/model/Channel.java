package io.asyncws.generator.model;

import io.asyncws.generator.tree.SourceLocation;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A channel: an address messages travel on.
 *
 * @param id the key under {@code channels} (in 2.x this key is also the address)
 * @param address the address template with {@code {parameters}}, or null when the 3.x document
 *     leaves it unknown (dynamic addresses)
 * @param title or null
 * @param summary or null
 * @param description or null
 * @param parameters the address parameters in document order
 * @param messages the messages the channel carries by their key in the channel (3.x {@code
 *     messages}; for 2.x the messages of its publish and subscribe operations by name), in document
 *     order; one {@link Message} may stand under different keys in different channels
 * @param serverNames the servers the channel is limited to, empty for all servers
 * @param wsBinding the {@code ws} channel binding, or null
 * @param location where the channel stands
 */
public record Channel(
    String id,
    String address,
    String title,
    String summary,
    String description,
    List<Parameter> parameters,
    Map<String, Message> messages,
    List<String> serverNames,
    WsChannelBinding wsBinding,
    SourceLocation location) {

  public Channel {
    parameters = List.copyOf(parameters);
    messages = Collections.unmodifiableMap(new LinkedHashMap<>(messages));
    serverNames = List.copyOf(serverNames);
  }

  /** The parameter with this name, if declared. */
  public Optional<Parameter> parameter(String name) {
    return parameters.stream().filter(p -> p.name().equals(name)).findFirst();
  }

  /** The message under this key in the channel, if any. */
  public Optional<Message> message(String key) {
    return Optional.ofNullable(messages.get(key));
  }
}
