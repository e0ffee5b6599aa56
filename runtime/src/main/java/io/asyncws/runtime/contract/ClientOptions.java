package io.asyncws.runtime.contract;

import io.asyncws.runtime.WebSocketClient;
import io.asyncws.runtime.WebSocketConfig;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;
import javax.net.ssl.SSLContext;

/**
 * What every generated client lets its user tune. Immutable.
 *
 * <p>TLS: a {@code wss://} server is always reached over TLS, its certificate checked against the
 * URL's host name (that check cannot be turned off) and against {@link #tls() the context}'s
 * trust store, by default the JDK's ({@link SSLContext#getDefault()}). A {@code ws://} URL
 * connects plain even when a context is set, as {@code java.net.http.HttpClient} does for
 * {@code http://}: the URL, not the options, says whether a connection is encrypted, so the same
 * options serve a local test server and the production one.
 *
 * @param config the WebSocket limits and timeouts of the connection
 * @param requestTimeout how long a request/reply call waits for its reply
 * @param maxPendingRequests how many request/reply calls may wait at once
 * @param delayer fires request timeouts; replaced in tests
 * @param tls the TLS context of {@code wss://} connections, e.g. one trusting a private CA;
 *     empty for the JDK's default
 */
public record ClientOptions(
    WebSocketConfig config,
    Duration requestTimeout,
    int maxPendingRequests,
    Delayer delayer,
    Optional<SSLContext> tls) {

  /** 30 s: long enough for a slow server, short enough that a lost reply is noticed. */
  public static final Duration DEFAULT_REQUEST_TIMEOUT = Duration.ofSeconds(30);
  /** 1024: a client that has more unanswered requests than this has lost its server. */
  public static final int DEFAULT_MAX_PENDING_REQUESTS = 1024;

  public ClientOptions {
    Objects.requireNonNull(config, "config");
    Objects.requireNonNull(requestTimeout, "requestTimeout");
    Objects.requireNonNull(delayer, "delayer");
    Objects.requireNonNull(tls, "tls");
    if (requestTimeout.isNegative() || requestTimeout.isZero()) {
      throw new IllegalArgumentException("requestTimeout must be positive: " + requestTimeout);
    }
    if (maxPendingRequests < 1) {
      throw new IllegalArgumentException("maxPendingRequests must be at least 1: " + maxPendingRequests);
    }
  }

  /**
   * Default WebSocket configuration, a 30 s request timeout, 1024 pending requests and the JDK's
   * default TLS context.
   */
  public static ClientOptions defaults() {
    return new ClientOptions(WebSocketConfig.defaults(), DEFAULT_REQUEST_TIMEOUT,
        DEFAULT_MAX_PENDING_REQUESTS, Delayer.system(), Optional.empty());
  }

  /** These options with another WebSocket configuration. */
  public ClientOptions withConfig(WebSocketConfig newConfig) {
    return new ClientOptions(newConfig, requestTimeout, maxPendingRequests, delayer, tls);
  }

  /** These options with another request timeout. */
  public ClientOptions withRequestTimeout(Duration timeout) {
    return new ClientOptions(config, timeout, maxPendingRequests, delayer, tls);
  }

  /** These options with another bound on waiting requests. */
  public ClientOptions withMaxPendingRequests(int max) {
    return new ClientOptions(config, requestTimeout, max, delayer, tls);
  }

  /** These options with another timer, for tests. */
  public ClientOptions withDelayer(Delayer newDelayer) {
    return new ClientOptions(config, requestTimeout, maxPendingRequests, newDelayer, tls);
  }

  /**
   * These options with the TLS context of {@code wss://} connections, e.g. one whose trust
   * store holds a private CA. Host names are verified whatever the context.
   */
  public ClientOptions withTls(SSLContext context) {
    return new ClientOptions(config, requestTimeout, maxPendingRequests, delayer,
        Optional.of(Objects.requireNonNull(context, "context")));
  }

  /**
   * A WebSocket client with these options' configuration and TLS context and event loops of its
   * own, as a generated client uses underneath; the caller closes it.
   */
  public WebSocketClient newWebSocketClient() {
    WebSocketClient.Builder builder = WebSocketClient.builder().config(config);
    tls.ifPresent(builder::tls);
    return builder.build();
  }
}
