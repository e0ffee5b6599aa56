package io.asyncws.generator.model;

import io.asyncws.generator.tree.SourceLocation;

/**
 * A channel's {@code ws} binding: how the WebSocket handshake of the channel looks.
 *
 * @param method {@code GET} or {@code POST}, or null (the binding's default is GET)
 * @param query the schema of the handshake's query parameters (an object schema), or null
 * @param headers the schema of the handshake's HTTP headers (an object schema), or null
 * @param bindingVersion or null
 * @param location where the binding stands
 */
public record WsChannelBinding(
    String method, SchemaRef query, SchemaRef headers, String bindingVersion, SourceLocation location) {}
