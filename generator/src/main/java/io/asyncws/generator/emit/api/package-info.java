/**
 * Generates the typed WebSocket client and server of an AsyncAPI document, one emitter per
 * construct; {@link io.asyncws.generator.emit.api.SourceGenerator} adds the payload models.
 *
 * <p>For the Kraken document of the corpus ({@code --package com.example.api}) the result is
 * used like this:
 *
 * <pre>{@code
 * KrakenWebsocketsServer server = KrakenWebsocketsServer.start(address,
 *     ServerOptions.defaults().withTls(serverContext),      // wss://; WebSocketConfig.defaults() for ws://
 *     new KrakenWebsocketsHandler() {
 *       public void onPing(KrakenWebsocketsSession session, Ping ping) {
 *         session.replyToPing(ping, new Pong(null));          // copies ping's reqid
 *       }
 *       ...
 *     });
 * KrakenWebsocketsClient client = KrakenWebsocketsClient.connect(URI.create("wss://example.com"), listener,
 *     ClientOptions.defaults()).join();                       // the JDK's trust store; withTls(context) for others
 * Pong pong = client.ping(new Ping(null)).join();            // reqid filled in and matched
 * }</pre>
 *
 * <h2>Decisions</h2>
 *
 * <ul>
 *   <li><b>Perspective.</b> The document describes one application ({@link
 *       io.asyncws.generator.emit.api.Perspective}, default the server). That side gets the
 *       operations as written, the other their mirror; request/reply follows: whoever sends the
 *       request gets a {@code CompletableFuture} method, whoever receives it a {@code replyToX}.
 *   <li><b>Endpoints.</b> Channels that share an address share a WebSocket connection (Kraken has
 *       seven channels, all at {@code /}), so client, listener, handler and session are generated
 *       per address, and the server routes by address ({@code /rooms/{roomId}}), 404 otherwise.
 *       A reply travels back on the request's connection whatever its channel's address says.
 *       Routing matches the runtime's percent-decoded path, so a parameter value cannot contain
 *       {@code /}.
 *   <li><b>Recognising incoming messages.</b> Each candidate message scores the number of its
 *       {@code const} properties that match (through {@code allOf}/{@code oneOf}/{@code anyOf}),
 *       or -1 when a required property, the JSON type or a {@code const} does not fit; the single
 *       best candidate is bound with Jackson (whose generated union deserializers pick the
 *       {@code oneOf} variant). No fit, a tie, non-JSON and binding errors go to the error
 *       callback as a {@code ContractViolation}; the connection stays open.
 *   <li><b>Correlation.</b> Only {@code $message.payload#/pointer} ids are followed: WebSocket
 *       messages carry no headers, and a {@code $message.header#} id names nothing on the wire, so
 *       such operations get plain sends and listener methods. A reply message that declares no
 *       correlation id is matched at the request's pointer (Kraken's {@code subscriptionStatus}).
 *       A request without an id gets a fresh one (a number when the schema says integer). A reply
 *       that matches no waiting request goes to the listener.
 *   <li><b>Security.</b> Schemes whose credential travels in the handshake ({@code httpApiKey} in
 *       query or header, {@code http} bearer/basic, OAuth2 and OpenID Connect as bearer tokens)
 *       become client arguments and the handler's {@code authenticate}; a refusal is HTTP 401.
 *   <li><b>TLS.</b> The URL decides: {@code wss://} is always TLS with the certificate checked
 *       against the host name and the trust store of {@code ClientOptions.withTls} (the JDK's by
 *       default); {@code ws://} is plain even when a context is set, as {@code HttpClient} treats
 *       {@code http://}. {@code connectToX} dials the scheme of the server's {@code protocol}, and
 *       {@code wss} when either the protocol or a 2.x url asks for TLS. A server serves
 *       {@code wss://} when started with {@code ServerOptions.withTls}.
 * </ul>
 */
package io.asyncws.generator.emit.api;
