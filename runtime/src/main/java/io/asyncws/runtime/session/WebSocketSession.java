package io.asyncws.runtime.session;

import io.asyncws.runtime.CloseEvent;
import io.asyncws.runtime.MessageEvent;
import io.asyncws.runtime.ReadyState;
import io.asyncws.runtime.WebSocket;
import io.asyncws.runtime.WebSocketConfig;
import io.asyncws.runtime.WebSocketListener;
import io.asyncws.runtime.deflate.PerMessageDeflate;
import io.asyncws.runtime.protocol.CloseCodes;
import io.asyncws.runtime.protocol.FrameCallback;
import io.asyncws.runtime.protocol.FrameReader;
import io.asyncws.runtime.protocol.FrameWriter;
import io.asyncws.runtime.protocol.ProtocolException;
import io.asyncws.runtime.protocol.Role;
import io.asyncws.runtime.protocol.WebSocketProtocol;
import java.io.IOException;
import java.net.URI;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Objects;
import java.util.Random;
import java.util.concurrent.CompletableFuture;
import java.util.function.Supplier;

/**
 * An open WebSocket connection: the message and closing-handshake rules of RFC 6455 above a
 * {@link Transport}, with the browser's API shape.
 *
 * <p>Threading: the {@code on*} methods that feed it are called on the transport's executor
 * thread, which is also where every listener callback runs; the {@link WebSocket} methods may be
 * called from any thread. Frames are encoded and queued under one lock, so no frame ever follows
 * our Close frame.
 *
 * <p>Limits ({@link WebSocketConfig}): frame and message size fail the connection with 1009, a
 * silent peer is pinged and then closed with 1001, a peer that does not read is closed with 1008
 * (see {@link Watchdog} for the clocks), and every close we start is bounded by the close
 * timeout, after which TCP is dropped.
 */
public final class WebSocketSession implements WebSocket, FrameCallback {
  /** Close reason when the peer gave no sign of life for the idle timeout. */
  static final String IDLE_TIMEOUT = "idle timeout";
  /** Close reason when the peer does not read what we send fast enough. */
  static final String SLOW_CONSUMER = "slow consumer";

  /**
   * Where {@link #url} comes from, until someone asks: a server's URI would otherwise be parsed
   * and kept, some 400 bytes, for every connection whether or not anybody looks.
   */
  private final Supplier<URI> urlSource;
  private volatile URI url;
  private final Role role;
  private final String protocol;
  private final String extensions;
  private final WebSocketConfig config;
  private final WebSocketListener listener;
  private final Transport transport;
  private final FrameReader reader;
  private final FrameWriter writer;
  /** Null when permessage-deflate was not negotiated. */
  private final PerMessageDeflate deflate;
  private final Object sendLock = new Object();
  private final CompletableFuture<CloseEvent> closed = new CompletableFuture<>();
  private final Watchdog watchdog;

  // Guarded by sendLock; read without it where a stale value is harmless.
  private volatile ReadyState state = ReadyState.CONNECTING;
  private boolean closeSent;

  // Executor thread only.
  private boolean closeReceived;
  private boolean closedEventFired;
  private int closeCode = CloseCodes.ABNORMAL_CLOSURE;
  private String closeReason = "";
  private boolean failed;
  /** We closed for a reason of our own (idle): report our code if the peer never answers. */
  private boolean reportOwnClose;
  private Scheduler.Cancellable closeTimer;

  /**
   * A session over an upgraded transport.
   *
   * @param url gives the connection's URL, called at most once, on the first {@link #url()}
   */
  public WebSocketSession(
      Supplier<URI> url,
      Role role,
      String protocol,
      String extensions,
      WebSocketConfig config,
      WebSocketListener listener,
      Transport transport,
      Random maskKeys,
      PerMessageDeflate deflate) {
    this.urlSource = Objects.requireNonNull(url, "url");
    this.role = Objects.requireNonNull(role, "role");
    this.protocol = Objects.requireNonNull(protocol, "protocol");
    this.extensions = Objects.requireNonNull(extensions, "extensions");
    this.config = Objects.requireNonNull(config, "config");
    this.listener = Objects.requireNonNull(listener, "listener");
    this.transport = Objects.requireNonNull(transport, "transport");
    this.deflate = deflate;
    this.reader =
        new FrameReader(
            role,
            config.maxFrameSize(),
            config.maxMessageSize(),
            this,
            deflate == null ? null : deflate.inflater());
    this.writer = new FrameWriter(role, maskKeys);
    this.watchdog = new Watchdog(this, transport, config);
  }

  // ---- WebSocket: any thread ----

  @Override
  public URI url() {
    URI known = url;
    if (known == null) {
      // Two threads asking at once may both compute it; they get equal URIs.
      known = Objects.requireNonNull(urlSource.get(), "url");
      url = known;
    }
    return known;
  }

  @Override
  public ReadyState readyState() {
    return state;
  }

  @Override
  public long bufferedAmount() {
    return transport.bufferedAmount();
  }

  @Override
  public String protocol() {
    return protocol;
  }

  @Override
  public String extensions() {
    return extensions;
  }

  @Override
  public boolean send(String text) {
    Objects.requireNonNull(text, "text");
    return sendMessage(
        WebSocketProtocol.OPCODE_TEXT, ByteBuffer.wrap(text.getBytes(StandardCharsets.UTF_8)));
  }

  @Override
  public boolean send(ByteBuffer data) {
    Objects.requireNonNull(data, "data");
    return sendMessage(WebSocketProtocol.OPCODE_BINARY, data);
  }

  @Override
  public boolean ping(ByteBuffer payload) {
    if (payload.remaining() > WebSocketProtocol.CONTROL_PAYLOAD_MAX) {
      throw new IllegalArgumentException(
          "ping payload is " + payload.remaining() + " bytes; at most "
              + WebSocketProtocol.CONTROL_PAYLOAD_MAX + " are allowed");
    }
    synchronized (sendLock) {
      if (!canSend()) return false;
      transport.write(writer.ping(payload));
      return true;
    }
  }

  @Override
  public void close(int code, String reason) {
    Objects.requireNonNull(reason, "reason");
    if (!CloseCodes.isValidForApplication(code)) {
      throw new IllegalArgumentException(
          "close code must be 1000 or in 3000-4999, as in the browser's API: " + code);
    }
    if (reason.getBytes(StandardCharsets.UTF_8).length > WebSocketProtocol.CLOSE_REASON_MAX) {
      throw new IllegalArgumentException(
          "close reason must be at most " + WebSocketProtocol.CLOSE_REASON_MAX + " bytes of UTF-8");
    }
    if (sendClose(code, reason)) runOnExecutor(this::awaitPeerClose);
  }

  /**
   * Starts the closing handshake with 1001 Going Away, as a server does when it shuts down.
   * Any thread.
   */
  public void goAway() {
    if (sendClose(CloseCodes.GOING_AWAY, "server shutting down")) runOnExecutor(this::awaitPeerClose);
  }

  /** Runs {@code task} once the connection is closed, on the thread that closed it. */
  public void whenClosed(Runnable task) {
    closed.thenRun(task);
  }

  /** Completes with the close event once the connection is closed. */
  public CompletableFuture<CloseEvent> closeFuture() {
    return closed.copy();
  }

  /**
   * Queues a message, or refuses it when the write queue would exceed {@link
   * WebSocketConfig#maxBufferedAmount()}: then, as a browser whose buffer is full does, the
   * connection is closed (1008) and the message dropped.
   */
  private boolean sendMessage(int opcode, ByteBuffer payload) {
    int size = payload.remaining(); // before compression may consume it
    long queued;
    synchronized (sendLock) {
      if (!canSend()) return false;
      if (writeMessage(opcode, payload)) {
        if (transport.overHighWaterMark()) watchdog.queueOverMark();
        return true;
      }
      queued = transport.bufferedAmount();
      sendClose(CloseCodes.POLICY_VIOLATION, SLOW_CONSUMER); // before the lock goes: nothing follows
    }
    runOnExecutor(
        () ->
            failSlowConsumer(
                "the peer reads too slowly: " + queued + " bytes wait for it and a message of "
                    + size + " bytes would exceed the limit of "
                    + config.maxBufferedAmount()));
    return false;
  }

  /**
   * Queues a message as one frame, or as frames of at most the configured fragment size;
   * compressed first when permessage-deflate says so, RSV1 then set on the first frame only. Must
   * hold sendLock, so that no other data frame lands between the fragments and the compressor
   * sees messages in the order they are sent. False, with nothing queued, when the message does
   * not fit the write queue's hard limit; a message alone in the queue always fits, so the limit
   * never forbids a message size.
   */
  private boolean writeMessage(int opcode, ByteBuffer payload) {
    ByteBuffer compressed = deflate == null ? null : deflate.compress(payload);
    ByteBuffer body = compressed == null ? payload : compressed;
    long queued = transport.bufferedAmount();
    if (queued > 0 && queued + body.remaining() > config.maxBufferedAmount()) return false;
    int fragmentSize = config.fragmentSize();
    if (fragmentSize == 0 || body.remaining() <= fragmentSize) {
      transport.write(firstFrame(opcode, compressed != null, true, body));
      return true;
    }
    ByteBuffer rest = body.duplicate();
    transport.write(
        firstFrame(opcode, compressed != null, false, rest.slice(rest.position(), fragmentSize)));
    rest.position(rest.position() + fragmentSize);
    while (rest.remaining() > fragmentSize) {
      transport.write(
          writer.frame(
              WebSocketProtocol.OPCODE_CONTINUATION,
              false,
              rest.slice(rest.position(), fragmentSize)));
      rest.position(rest.position() + fragmentSize);
    }
    transport.write(writer.frame(WebSocketProtocol.OPCODE_CONTINUATION, true, rest));
    return true;
  }

  private ByteBuffer firstFrame(int opcode, boolean compressed, boolean fin, ByteBuffer payload) {
    return compressed ? writer.compressedFrame(opcode, fin, payload) : writer.frame(opcode, fin, payload);
  }

  /** Must hold sendLock. */
  private boolean canSend() {
    if (state == ReadyState.CONNECTING) {
      throw new IllegalStateException("the connection is still CONNECTING");
    }
    return state == ReadyState.OPEN && !closeSent;
  }

  /** Queues our Close frame unless one was queued already; true when this call queued it. */
  private boolean sendClose(int code, String reason) {
    synchronized (sendLock) {
      if (closeSent || state == ReadyState.CLOSED || state == ReadyState.CONNECTING) return false;
      closeSent = true;
      state = ReadyState.CLOSING;
      transport.write(writer.close(code, reason));
      return true;
    }
  }

  private void runOnExecutor(Runnable task) {
    if (transport.inExecutor()) {
      task.run();
    } else {
      transport.executor().execute(task);
    }
  }

  // ---- transport events: executor thread only ----

  /** The handshake completed: the connection is open. */
  public void onOpen() {
    synchronized (sendLock) {
      state = ReadyState.OPEN;
    }
    watchdog.start();
    try {
      listener.onOpen(this);
    } catch (RuntimeException e) {
      reportError(e);
    }
  }

  /**
   * Bytes arrived from the peer. Consumes them all, unless the write queue went over its
   * high-water mark while delivering a message: then the bytes after that message stay in {@code
   * bytes} for the transport to hand back once the queue has drained.
   */
  public void onData(ByteBuffer bytes) {
    watchdog.onRead();
    if (closeReceived || failed) {
      bytes.position(bytes.limit()); // §5.5.1: nothing after the peer's Close is data
      return;
    }
    try {
      reader.read(bytes);
    } catch (ProtocolException e) {
      bytes.position(bytes.limit());
      fail(e.closeCode(), e.getMessage(), e);
    } catch (RuntimeException e) {
      bytes.position(bytes.limit());
      fail(CloseCodes.INTERNAL_ERROR, "internal error", e);
    }
  }

  /** The peer closed its side of the TCP connection. */
  public void onEndOfStream() {
    transport.closeNow();
  }

  /** Reading or writing failed. */
  public void onIoError(IOException error) {
    if (!closedEventFired && !(closeSent && closeReceived)) reportError(error);
    transport.closeNow();
  }

  /** The transport is closed, whoever closed it: the connection is CLOSED. */
  public void onTransportClosed() {
    if (closedEventFired) return;
    closedEventFired = true;
    synchronized (sendLock) {
      state = ReadyState.CLOSED;
      closeSent = true;
      // Nothing is sent any more, and the reader is not fed: zlib's native memory can go now.
      if (deflate != null) deflate.close();
    }
    watchdog.stop();
    if (closeTimer != null) closeTimer.cancel();
    boolean clean = closeSent && closeReceived && !failed;
    CloseEvent event =
        clean || failed || reportOwnClose
            ? new CloseEvent(closeCode, closeReason, clean)
            : new CloseEvent(CloseCodes.ABNORMAL_CLOSURE, "", false);
    try {
      listener.onClose(this, event);
    } catch (RuntimeException e) {
      reportError(e);
    }
    closed.complete(event);
  }

  // ---- FrameCallback: executor thread, from reader.read ----

  @Override
  public void onText(String text) {
    deliver(MessageEvent.text(text));
  }

  @Override
  public void onBinary(ByteBuffer data) {
    deliver(MessageEvent.binary(data));
  }

  @Override
  public void onPing(ByteBuffer payload) {
    synchronized (sendLock) {
      if (closeSent) return; // §5.5.1: nothing may follow our Close frame
      transport.write(writer.pong(payload));
    }
  }

  @Override
  public void onPong(ByteBuffer payload) {
    watchdog.onPong();
    try {
      listener.onPong(this, payload);
    } catch (RuntimeException e) {
      reportError(e);
    }
  }

  @Override
  public void onClose(int code, String reason) {
    closeReceived = true;
    closeCode = code;
    closeReason = reason;
    // Echo the peer's code (§5.5.1); a Close without a code is answered without one.
    sendClose(code, "");
    if (role == Role.SERVER) {
      transport.closeAfterFlush(); // §7.1.1: the server closes TCP first
    }
    // The client waits for the server to close TCP; the server for its Close to be flushed,
    // which a peer that does not read can hold up. Both within a bound.
    awaitPeerClose();
  }

  private void deliver(MessageEvent event) {
    try {
      listener.onMessage(this, event);
    } catch (RuntimeException e) {
      reportError(e);
    }
    // Back-pressure: a peer whose replies pile up gets no more of its requests read for now.
    if (transport.overHighWaterMark()) reader.pause();
  }

  /** Fails the connection (§7.1.7): our Close with {@code code}, then TCP closes. */
  private void fail(int code, String message, Throwable cause) {
    if (failed) return;
    failed = true;
    closeCode = code;
    closeReason = truncateReason(message);
    reportError(cause);
    sendClose(code, closeReason);
    transport.closeAfterFlush();
    awaitPeerClose(); // a peer that does not read would hold the flush up for ever
  }

  /** Starts the bound on how long the peer may take to answer our Close and close TCP. */
  private void awaitPeerClose() {
    if (closeTimer != null || closedEventFired) return;
    closeTimer =
        transport.scheduler().schedule(transport::closeNow, config.closeTimeout().toNanos());
  }

  // ---- Watchdog: executor thread ----

  /** Sends an empty Ping; false once our Close is queued. */
  boolean sendPing() {
    synchronized (sendLock) {
      if (closeSent || state != ReadyState.OPEN) return false;
      transport.write(writer.ping(ByteBuffer.allocate(0)));
      return true;
    }
  }

  /** The peer gave no sign of life for the idle timeout: Close 1001, bounded by the close timeout. */
  void closeIdle() {
    if (!sendClose(CloseCodes.GOING_AWAY, IDLE_TIMEOUT)) return;
    closeCode = CloseCodes.GOING_AWAY;
    closeReason = IDLE_TIMEOUT;
    reportOwnClose = true;
    awaitPeerClose();
  }

  /** The peer does not read what we send: Close 1008 after the data, bounded by the close timeout. */
  void failSlowConsumer(String detail) {
    fail(CloseCodes.POLICY_VIOLATION, SLOW_CONSUMER, new IOException(detail));
  }

  /** A keep-alive Ping went unanswered: no Close, the peer is taken to be gone. */
  void dropUnresponsivePeer(String detail) {
    reportError(new IOException(detail));
    transport.closeNow();
  }

  private void reportError(Throwable error) {
    try {
      listener.onError(this, error);
    } catch (RuntimeException ignored) {
      // A listener that throws from onError has nobody left to tell.
    }
  }

  /** Cuts a message to the 123 bytes a close reason may hold, on a character boundary. */
  static String truncateReason(String message) {
    String text = message == null ? "" : message;
    // The encoder stops before a character that does not fit, so a pair is never cut in half.
    java.nio.CharBuffer chars = java.nio.CharBuffer.wrap(text);
    StandardCharsets.UTF_8
        .newEncoder()
        .onMalformedInput(java.nio.charset.CodingErrorAction.REPLACE)
        .onUnmappableCharacter(java.nio.charset.CodingErrorAction.REPLACE)
        .encode(chars, ByteBuffer.allocate(WebSocketProtocol.CLOSE_REASON_MAX), true);
    return text.substring(0, chars.position());
  }

  @Override
  public String toString() {
    return "WebSocket[" + role.name().toLowerCase(java.util.Locale.ROOT) + " " + url() + " " + state + "]";
  }
}
