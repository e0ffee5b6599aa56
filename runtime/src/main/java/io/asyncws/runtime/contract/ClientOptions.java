package io.asyncws.runtime.contract;

import io.asyncws.runtime.WebSocketConfig;
import java.time.Duration;
import java.util.Objects;

/**
 * What every generated client lets its user tune. Immutable.
 *
 * @param config the WebSocket limits and timeouts of the connection
 * @param requestTimeout how long a request/reply call waits for its reply
 * @param maxPendingRequests how many request/reply calls may wait at once
 * @param delayer fires request timeouts; replaced in tests
 */
public record ClientOptions(
    WebSocketConfig config, Duration requestTimeout, int maxPendingRequests, Delayer delayer) {

  /** 30 s: long enough for a slow server, short enough that a lost reply is noticed. */
  public static final Duration DEFAULT_REQUEST_TIMEOUT = Duration.ofSeconds(30);
  /** 1024: a client that has more unanswered requests than this has lost its server. */
  public static final int DEFAULT_MAX_PENDING_REQUESTS = 1024;

  public ClientOptions {
    Objects.requireNonNull(config, "config");
    Objects.requireNonNull(requestTimeout, "requestTimeout");
    Objects.requireNonNull(delayer, "delayer");
    if (requestTimeout.isNegative() || requestTimeout.isZero()) {
      throw new IllegalArgumentException("requestTimeout must be positive: " + requestTimeout);
    }
    if (maxPendingRequests < 1) {
      throw new IllegalArgumentException("maxPendingRequests must be at least 1: " + maxPendingRequests);
    }
  }

  /** Default WebSocket configuration, a 30 s request timeout and 1024 pending requests. */
  public static ClientOptions defaults() {
    return new ClientOptions(
        WebSocketConfig.defaults(), DEFAULT_REQUEST_TIMEOUT, DEFAULT_MAX_PENDING_REQUESTS, Delayer.system());
  }

  /** These options with another WebSocket configuration. */
  public ClientOptions withConfig(WebSocketConfig newConfig) {
    return new ClientOptions(newConfig, requestTimeout, maxPendingRequests, delayer);
  }

  /** These options with another request timeout. */
  public ClientOptions withRequestTimeout(Duration timeout) {
    return new ClientOptions(config, timeout, maxPendingRequests, delayer);
  }

  /** These options with another bound on waiting requests. */
  public ClientOptions withMaxPendingRequests(int max) {
    return new ClientOptions(config, requestTimeout, max, delayer);
  }

  /** These options with another timer, for tests. */
  public ClientOptions withDelayer(Delayer newDelayer) {
    return new ClientOptions(config, requestTimeout, maxPendingRequests, newDelayer);
  }
}
