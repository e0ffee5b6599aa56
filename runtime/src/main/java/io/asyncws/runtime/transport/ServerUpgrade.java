package io.asyncws.runtime.transport;

import io.asyncws.runtime.HandshakeRequest;
import io.asyncws.runtime.Upgrade;
import io.asyncws.runtime.WebSocketConfig;
import io.asyncws.runtime.WebSocketHandler;
import io.asyncws.runtime.deflate.DeflateNegotiation;
import io.asyncws.runtime.deflate.DeflateParameters;
import io.asyncws.runtime.deflate.PerMessageDeflate;
import io.asyncws.runtime.handshake.HandshakeException;
import io.asyncws.runtime.handshake.Headers;
import io.asyncws.runtime.handshake.HttpHead;
import io.asyncws.runtime.handshake.HttpHeadDecoder;
import io.asyncws.runtime.handshake.ServerHandshake;
import io.asyncws.runtime.handshake.UpgradeRequest;
import io.asyncws.runtime.protocol.Role;
import io.asyncws.runtime.session.Scheduler;
import io.asyncws.runtime.session.WebSocketSession;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.ByteBuffer;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.function.Supplier;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The server side of the opening handshake on one connection: reads the upgrade request within
 * the size and time limits, asks the application, and answers 101 or an error status.
 *
 * <p>Event-loop thread only.
 */
final class ServerUpgrade implements Inbound {
  private static final Logger LOG = Logger.getLogger(ServerUpgrade.class.getName());

  private final NioConnection connection;
  private final WebSocketConfig config;
  private final WebSocketHandler handler;
  private final Consumer<WebSocketSession> onOpened;
  private final InetSocketAddress remoteAddress;
  private final HttpHeadDecoder<HttpHead.Request> decoder;
  private final Scheduler.Cancellable timeout;
  private boolean answered;

  ServerUpgrade(
      NioConnection connection,
      WebSocketConfig config,
      WebSocketHandler handler,
      Consumer<WebSocketSession> onOpened,
      InetSocketAddress remoteAddress) {
    this.connection = connection;
    this.config = config;
    this.handler = handler;
    this.onOpened = onOpened;
    this.remoteAddress = remoteAddress;
    this.decoder =
        HttpHeadDecoder.forRequests(config.maxHandshakeSize(), HttpHeadDecoder.DEFAULT_MAX_HEADERS);
    this.timeout =
        connection
            .loop()
            .schedule(connection::closeNow, config.handshakeTimeout().toNanos());
  }

  @Override
  public void onData(ByteBuffer bytes) {
    if (answered) {
      bytes.position(bytes.limit()); // a refused client's further bytes mean nothing
      return;
    }
    try {
      HttpHead.Request head = decoder.feed(bytes);
      if (head == null) return;
      UpgradeRequest request = ServerHandshake.validate(head);
      answer(request, bytes);
    } catch (HandshakeException e) {
      refuse(e);
      bytes.position(bytes.limit());
    }
  }

  private void answer(UpgradeRequest request, ByteBuffer rest) throws HandshakeException {
    Upgrade upgrade;
    try {
      upgrade = handler.onHandshake(toApplicationRequest(request));
    } catch (RuntimeException e) {
      LOG.log(Level.WARNING, "the handshake handler failed", e);
      throw new HandshakeException(500, "The server failed to handle the handshake.");
    }
    if (upgrade instanceof Upgrade.Reject reject) {
      throw new HandshakeException(reject.status(), reject.message());
    }
    Upgrade.Accept accept = (Upgrade.Accept) upgrade;
    String subprotocol = accept.subprotocol();
    if (!subprotocol.isEmpty() && !request.subprotocols().contains(subprotocol)) {
      LOG.warning("handler chose subprotocol '" + subprotocol + "' the client did not offer");
      throw new HandshakeException(500, "The server chose a subprotocol the client did not offer.");
    }
    // A malformed offer header parses to no offers: every extension is declined (RFC 7692 §7).
    Optional<DeflateParameters> deflate =
        config.perMessageDeflate()
            ? DeflateNegotiation.accept(request.extensions())
            : Optional.empty();
    String extensions = deflate.map(DeflateParameters::toHeader).orElse("");
    answered = true;
    timeout.cancel();
    connection.write(ServerHandshake.acceptResponse(
            request,
            subprotocol.isEmpty() ? null : subprotocol,
            extensions.isEmpty() ? null : extensions,
            Headers.EMPTY));
    WebSocketSession session =
        new WebSocketSession(
            urlOf(request, connection.isSecure() ? "wss://" : "ws://"),
            Role.SERVER,
            subprotocol,
            extensions,
            config,
            accept.listener(),
            connection,
            null,
            deflate
                .map(p -> new PerMessageDeflate(Role.SERVER, p, config.compressionThreshold()))
                .orElse(null));
    connection.setInbound(new SessionInbound(session));
    onOpened.accept(session);
    session.onOpen();
    if (rest.hasRemaining()) session.onData(rest);
  }

  private void refuse(HandshakeException e) {
    answered = true;
    timeout.cancel();
    connection.write(ServerHandshake.errorResponse(e));
    connection.closeAfterFlush();
  }

  private HandshakeRequest toApplicationRequest(UpgradeRequest request) {
    return new HandshakeRequest(
        request.path(),
        request.rawQuery(),
        request.queryParameters(),
        request.headers().toLowerCaseMap(),
        request.origin(),
        request.subprotocols(),
        remoteAddress);
  }

  /**
   * The session's URL, parsed only if someone asks for it: the lambda keeps the two strings it
   * needs instead of the request.
   */
  private static Supplier<URI> urlOf(UpgradeRequest request, String scheme) {
    String host = request.headers().first("Host").orElse("localhost");
    String target = request.target();
    String rawPath = request.rawPath();
    return () -> {
      try {
        return new URI(scheme + host + target);
      } catch (URISyntaxException e) {
        return URI.create(scheme + "localhost" + rawPath);
      }
    };
  }

  @Override
  public void onEndOfStream() {}

  @Override
  public void onIoError(IOException error) {
    LOG.log(Level.FINE, "connection failed during the handshake", error);
  }

  @Override
  public void onClosed() {
    timeout.cancel();
  }
}
