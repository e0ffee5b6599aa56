package io.asyncws.generator.validate.structure;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Makes the 2.x specification schemas check {@code ws} channel bindings.
 *
 * <p>The official 2.x files accept any object as a binding (bindings were versioned apart from the
 * spec), while the 3.x files carry each binding's own schema. The WebSocket channel binding has
 * only ever had one version, 0.1.0, the same for 2.x and 3.x; asyncws generates the handshake
 * (method, query, headers) from it, so a misspelt {@code methd} must be caught in a 2.x document
 * too. This copies that one binding definition from the 3.0.0 file into a 2.x file, before
 * compiling, and applies it to a Channel's {@code bindings.ws}. Other 2.x bindings stay unchecked:
 * their 2.x-era versions (HTTP 0.1.0 {@code type: request}, ...) differ from the 3.x schemas.
 */
final class WebSocketBindingGraft {
  static final String DEFINITION = "bindings-websockets-0.1.0-channel";

  private WebSocketBindingGraft() {}

  /**
   * {@code target} (a parsed 2.x file) with the ws channel binding of {@code donor} (the parsed
   * 3.0.0 file) added. Its refs ({@code schema}, {@code Reference}, {@code specificationExtension})
   * then name the 2.x file's own definitions, so {@code query} is a 2.x Schema Object. The maps on
   * the way down are copied, not changed, so the parsed files stay as read.
   */
  static Map<?, ?> apply(Map<?, ?> donor, Map<?, ?> target) {
    if (!(donor.get("definitions") instanceof Map<?, ?> from) || !(from.get(DEFINITION) instanceof Map<?, ?> ws)
        || !(target.get("definitions") instanceof Map<?, ?> to)
        || !(to.get("channelItem") instanceof Map<?, ?> channel)
        || !(channel.get("properties") instanceof Map<?, ?> properties)) {
      throw new IllegalStateException("specification schema files do not have the expected shape");
    }
    Map<Object, Object> wsOnly = new LinkedHashMap<>();
    wsOnly.put("properties", Map.of("ws", Map.of("$ref", "#/definitions/" + DEFINITION)));
    Map<Object, Object> bindings = new LinkedHashMap<>();
    bindings.put("allOf", List.of(properties.get("bindings"), wsOnly));

    Map<Object, Object> newProperties = new LinkedHashMap<>(properties);
    newProperties.put("bindings", bindings);
    Map<Object, Object> newChannel = new LinkedHashMap<>(channel);
    newChannel.put("properties", newProperties);
    Map<Object, Object> newDefinitions = new LinkedHashMap<>(to);
    newDefinitions.put("channelItem", newChannel);
    newDefinitions.put(DEFINITION, ws);
    Map<Object, Object> newRoot = new LinkedHashMap<>(target);
    newRoot.put("definitions", newDefinitions);
    return newRoot;
  }
}
