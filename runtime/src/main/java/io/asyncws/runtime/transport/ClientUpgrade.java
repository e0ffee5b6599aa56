package io.asyncws.runtime.transport;

import io.asyncws.runtime.ConnectRequest;
import io.asyncws.runtime.WebSocket;
import io.asyncws.runtime.WebSocketConfig;
import io.asyncws.runtime.WebSocketListener;
import io.asyncws.runtime.deflate.DeflateNegotiation;
import io.asyncws.runtime.deflate.DeflateParameters;
import io.asyncws.runtime.deflate.PerMessageDeflate;
import io.asyncws.runtime.handshake.ClientHandshake;
import io.asyncws.runtime.handshake.Extensions;
import io.asyncws.runtime.handshake.HandshakeFailedException;
import io.asyncws.runtime.handshake.HandshakeResult;
import io.asyncws.runtime.handshake.Headers;
import io.asyncws.runtime.protocol.Role;
import io.asyncws.runtime.session.Scheduler;
import io.asyncws.runtime.session.WebSocketSession;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.util.Optional;
import java.util.Random;
import java.util.concurrent.CompletableFuture;

/**
 * The client side of the opening handshake on one connection: sends the upgrade request once TCP
 * is up, checks the server's answer, and opens the session — all within the handshake timeout.
 *
 * <p>Event-loop thread only.
 */
final class ClientUpgrade implements Inbound {
  private final NioConnection connection;
  private final ConnectRequest request;
  private final WebSocketConfig config;
  private final WebSocketListener listener;
  private final Random random;
  private final CompletableFuture<WebSocket> result;
  private final ClientHandshake handshake;
  private final Scheduler.Cancellable timeout;
  private boolean done;

  ClientUpgrade(
      NioConnection connection,
      ConnectRequest request,
      WebSocketConfig config,
      WebSocketListener listener,
      Random random,
      CompletableFuture<WebSocket> result) {
    this.connection = connection;
    this.request = request;
    this.config = config;
    this.listener = listener;
    this.random = random;
    this.result = result;
    this.handshake =
        ClientHandshake.builder(request.url())
            .subprotocols(request.subprotocols())
            .extensions(config.perMessageDeflate() ? DeflateNegotiation.CLIENT_OFFER : null)
            .headers(headersOf(request))
            .random(random)
            .maxResponseSize(config.maxHandshakeSize())
            .build();
    this.timeout =
        connection
            .loop()
            .schedule(
                () ->
                    failHandshake(
                        new IOException(
                            "the opening handshake with " + request.url() + " took longer than "
                                + config.handshakeTimeout())),
                config.handshakeTimeout().toNanos());
  }

  @Override
  public void onConnected() {
    connection.write(handshake.request());
  }

  @Override
  public void onData(ByteBuffer bytes) {
    if (done) {
      bytes.position(bytes.limit());
      return;
    }
    HandshakeResult accepted;
    try {
      accepted = handshake.feed(bytes);
      if (accepted == null) return;
    } catch (HandshakeFailedException e) {
      bytes.position(bytes.limit());
      failHandshake(e);
      return;
    }
    Optional<DeflateParameters> deflate;
    try {
      deflate = DeflateNegotiation.checkResponse(Extensions.parse(accepted.extensions()));
    } catch (IllegalArgumentException e) {
      bytes.position(bytes.limit());
      failHandshake(new HandshakeFailedException(e.getMessage(), null));
      return;
    }
    done = true;
    timeout.cancel();
    WebSocketSession session =
        new WebSocketSession(
            request::url,
            Role.CLIENT,
            accepted.subprotocol(),
            accepted.extensions(),
            config,
            listener,
            connection,
            random,
            deflate
                .map(p -> new PerMessageDeflate(Role.CLIENT, p, config.compressionThreshold()))
                .orElse(null));
    connection.setInbound(new SessionInbound(session));
    session.onOpen();
    result.complete(session);
    if (bytes.hasRemaining()) session.onData(bytes);
  }

  private static Headers headersOf(ConnectRequest request) {
    Headers.Builder headers = Headers.builder();
    request.headers().forEach(headers::add);
    return headers.build();
  }

  @Override
  public void onEndOfStream() {
    failHandshake(new IOException(request.url() + " closed the connection during the handshake"));
  }

  @Override
  public void onIoError(IOException error) {
    failHandshake(error);
  }

  @Override
  public void onClosed() {
    failHandshake(new IOException("the connection to " + request.url() + " closed"));
  }

  /**
   * A connection that never opened is reported through the future alone: the listener belongs to
   * an open connection and hears nothing of this one.
   */
  private void failHandshake(Exception cause) {
    if (done) return;
    done = true;
    timeout.cancel();
    connection.closeNow();
    result.completeExceptionally(cause);
  }
}
