package io.asyncws.runtime.handshake;

import static io.asyncws.runtime.handshake.HandshakeHeaders.CONNECTION;
import static io.asyncws.runtime.handshake.HandshakeHeaders.HOST;
import static io.asyncws.runtime.handshake.HandshakeHeaders.KEY_NONCE_BYTES;
import static io.asyncws.runtime.handshake.HandshakeHeaders.SEC_WEBSOCKET_ACCEPT;
import static io.asyncws.runtime.handshake.HandshakeHeaders.SEC_WEBSOCKET_EXTENSIONS;
import static io.asyncws.runtime.handshake.HandshakeHeaders.SEC_WEBSOCKET_KEY;
import static io.asyncws.runtime.handshake.HandshakeHeaders.SEC_WEBSOCKET_PROTOCOL;
import static io.asyncws.runtime.handshake.HandshakeHeaders.SEC_WEBSOCKET_VERSION;
import static io.asyncws.runtime.handshake.HandshakeHeaders.UPGRADE;
import static io.asyncws.runtime.handshake.HandshakeHeaders.UPGRADE_OPTION;
import static io.asyncws.runtime.handshake.HandshakeHeaders.WEBSOCKET;

import io.asyncws.runtime.WebSocketConfig;
import io.asyncws.runtime.protocol.WebSocketProtocol;
import java.net.URI;
import java.nio.ByteBuffer;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Random;
import java.util.Set;

/**
 * The client's side of one opening handshake (RFC 6455 §4.1): writes the upgrade request and checks
 * the server's response against it. One instance per connection attempt, because each attempt needs
 * a fresh {@code Sec-WebSocket-Key}.
 *
 * <p>{@link #request()} and {@link #validate} are thread-safe; {@link #feed} holds a decoder and is
 * called by one connection's event-loop thread only.
 */
public final class ClientHandshake {
  private final URI uri;
  private final boolean secure;
  private final String host;
  private final int port;
  private final String target;
  private final List<String> subprotocols;
  private final String extensions;
  private final Extensions offeredExtensions;
  private final Headers extra;
  private final String key;
  private final HttpHeadDecoder<HttpHead.Response> decoder;

  private ClientHandshake(Builder b) {
    uri = b.uri;
    String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
    if (!scheme.equals("ws") && !scheme.equals("wss")) {
      throw new IllegalArgumentException(
          "A WebSocket URI starts with ws:// or wss://, not " + uri + ".");
    }
    if (uri.getHost() == null) {
      throw new IllegalArgumentException(
          "The WebSocket URI " + uri + " has no host (or one Java cannot parse).");
    }
    if (uri.getRawFragment() != null) {
      throw new IllegalArgumentException("A WebSocket URI may not have a fragment: " + uri + ".");
    }
    secure = scheme.equals("wss");
    int defaultPort = secure ? 443 : 80;
    port = uri.getPort() < 0 ? defaultPort : uri.getPort();
    host = uri.getHost();
    String path = uri.getRawPath() == null || uri.getRawPath().isEmpty() ? "/" : uri.getRawPath();
    target = uri.getRawQuery() == null ? path : path + "?" + uri.getRawQuery();
    subprotocols = checkSubprotocols(b.subprotocols);
    extensions = b.extensions == null || b.extensions.isEmpty() ? null : b.extensions;
    offeredExtensions = extensions == null ? Extensions.NONE : Extensions.parse(extensions);
    if (offeredExtensions.isMalformed()) {
      throw new IllegalArgumentException(offeredExtensions.error().orElseThrow());
    }
    extra = b.headers;
    for (int i = 0; i < extra.size(); i++) {
      if (HandshakeHeaders.isReserved(extra.name(i))) {
        throw new IllegalArgumentException(
            "Header " + extra.name(i) + " is written by the handshake and may not be set.");
      }
    }
    byte[] nonce = new byte[KEY_NONCE_BYTES];
    b.random.nextBytes(nonce);
    key = Base64.getEncoder().encodeToString(nonce);
    decoder = HttpHeadDecoder.forResponses(b.maxResponseSize, HttpHeadDecoder.DEFAULT_MAX_HEADERS);
  }

  private static List<String> checkSubprotocols(List<String> offered) {
    Set<String> seen = new HashSet<>();
    for (String subprotocol : offered) {
      if (!Http.isToken(subprotocol)) {
        throw new IllegalArgumentException(
            "Subprotocol \"" + subprotocol + "\" is not an HTTP token.");
      }
      if (!seen.add(subprotocol)) {
        throw new IllegalArgumentException("Subprotocol \"" + subprotocol + "\" is offered twice.");
      }
    }
    return List.copyOf(offered);
  }

  /** A builder for a handshake with the server at {@code uri} ({@code ws://} or {@code wss://}). */
  public static Builder builder(URI uri) {
    return new Builder(uri);
  }

  /** The URI this handshake connects to. */
  public URI uri() {
    return uri;
  }

  /** Whether the connection must use TLS ({@code wss}). */
  public boolean isSecure() {
    return secure;
  }

  /** The host to connect to, as the URI names it; IPv6 literals keep their brackets. */
  public String host() {
    return host;
  }

  /** The port to connect to: the URI's, or 80 for ws and 443 for wss. */
  public int port() {
    return port;
  }

  /** The {@code Sec-WebSocket-Key} of this attempt. */
  public String key() {
    return key;
  }

  /**
   * The upgrade request. Fields in the order of the RFC's example (§1.2): {@code Host}, {@code
   * Upgrade}, {@code Connection}, {@code Sec-WebSocket-Key}, the application's fields, {@code
   * Sec-WebSocket-Protocol}, {@code Sec-WebSocket-Extensions}, {@code Sec-WebSocket-Version}. The
   * port is left out of {@code Host} when it is the scheme's default.
   */
  public ByteBuffer request() {
    boolean defaultPort = uri.getPort() < 0 || uri.getPort() == (secure ? 443 : 80);
    HeadWriter writer =
        new HeadWriter("GET " + target + " HTTP/1.1", HeadWriter.USUAL_CAPACITY)
            .header(HOST, defaultPort ? host : host + ":" + port)
            .header(UPGRADE, WEBSOCKET)
            .header(CONNECTION, UPGRADE_OPTION)
            .header(SEC_WEBSOCKET_KEY, key)
            .headers(extra);
    if (!subprotocols.isEmpty()) {
      writer.header(SEC_WEBSOCKET_PROTOCOL, String.join(", ", subprotocols));
    }
    if (extensions != null) writer.header(SEC_WEBSOCKET_EXTENSIONS, extensions);
    return writer.header(SEC_WEBSOCKET_VERSION, WebSocketProtocol.VERSION).finish();
  }

  /**
   * Reads the server's response head from {@code in} and validates it. Bytes after the head, the
   * server's first frames, stay in {@code in}.
   *
   * @return the agreement once the whole head has arrived; null while more bytes are needed
   * @throws HandshakeFailedException if the response is malformed, too large, or refuses or breaks
   *     the handshake
   */
  public HandshakeResult feed(ByteBuffer in) throws HandshakeFailedException {
    HttpHead.Response response;
    try {
      response = decoder.feed(in);
    } catch (HandshakeException e) {
      throw new HandshakeFailedException(
          "The response of " + uri + " is not a valid HTTP/1.1 head: " + e.getMessage(), null);
    }
    return response == null ? null : validate(response);
  }

  /**
   * Checks the server's response head against this request (§4.1, the client's checks).
   *
   * @throws HandshakeFailedException if the server refused the upgrade or answered in a way that
   *     breaks the handshake
   */
  public HandshakeResult validate(HttpHead.Response response) throws HandshakeFailedException {
    if (response.status() != 101) {
      String location = response.headers().first("Location").map(l -> " (to " + l + ")").orElse("");
      throw fail(
          response,
          "The server answered "
              + response.statusText()
              + location
              + " instead of 101 Switching Protocols; it refused the WebSocket upgrade.");
    }
    Headers headers = response.headers();
    if (!headers.hasToken(UPGRADE, WEBSOCKET)) {
      throw fail(response, "The server's 101 response lacks \"Upgrade: websocket\".");
    }
    if (!headers.hasToken(CONNECTION, UPGRADE_OPTION)) {
      throw fail(response, "The server's 101 response lacks \"Connection: Upgrade\".");
    }
    String expected = HandshakeHeaders.acceptKey(key);
    List<String> accepts = headers.all(SEC_WEBSOCKET_ACCEPT);
    if (accepts.size() != 1 || !accepts.get(0).equals(expected)) {
      throw fail(
          response,
          "The server's Sec-WebSocket-Accept is "
              + (accepts.isEmpty() ? "missing" : accepts)
              + " but must be "
              + expected
              + "; the server, or a proxy, does not speak WebSocket.");
    }
    return new HandshakeResult(chosenSubprotocol(response), acceptedExtensions(response), headers);
  }

  private String chosenSubprotocol(HttpHead.Response response) throws HandshakeFailedException {
    List<String> chosen = response.headers().all(SEC_WEBSOCKET_PROTOCOL);
    if (chosen.isEmpty()) return "";
    if (subprotocols.isEmpty()) {
      throw fail(
          response, "The server chose subprotocol " + chosen + " although none was offered.");
    }
    if (chosen.size() != 1 || !subprotocols.contains(chosen.get(0))) {
      throw fail(
          response,
          "The server chose subprotocol "
              + chosen
              + ", which is not one of the offered "
              + subprotocols
              + ".");
    }
    return chosen.get(0);
  }

  private String acceptedExtensions(HttpHead.Response response) throws HandshakeFailedException {
    List<String> values = response.headers().all(SEC_WEBSOCKET_EXTENSIONS);
    Extensions accepted = Extensions.parse(values);
    if (accepted.isMalformed()) {
      throw fail(
          response,
          "The server's extension header is malformed: " + accepted.error().orElseThrow());
    }
    Set<String> seen = new HashSet<>();
    for (String name : accepted.names()) {
      if (!offeredExtensions.contains(name)) {
        throw fail(response, "The server accepted extension " + name + ", which was not offered.");
      }
      if (!seen.add(name.toLowerCase(Locale.ROOT))) {
        throw fail(response, "The server accepted extension " + name + " twice.");
      }
    }
    return accepted.offers().isEmpty() ? "" : String.join(", ", values);
  }

  private static HandshakeFailedException fail(HttpHead.Response response, String message) {
    return new HandshakeFailedException(message, response);
  }

  /** Collects what the handshake offers; not thread-safe. */
  public static final class Builder {
    private final URI uri;
    private List<String> subprotocols = List.of();
    private String extensions;
    private Headers headers = Headers.EMPTY;
    private Random random;
    private int maxResponseSize = WebSocketConfig.DEFAULT_MAX_HANDSHAKE_SIZE;

    private Builder(URI uri) {
      this.uri = Objects.requireNonNull(uri, "uri");
    }

    /** Subprotocols to offer, most preferred first; tokens, each once. None by default. */
    public Builder subprotocols(List<String> subprotocols) {
      this.subprotocols = List.copyOf(subprotocols);
      return this;
    }

    /** The {@code Sec-WebSocket-Extensions} value to offer, or null for none (the default). */
    public Builder extensions(String headerValue) {
      this.extensions = headerValue;
      return this;
    }

    /** Further fields to send, e.g. {@code Origin} or {@code Authorization}. */
    public Builder headers(Headers headers) {
      this.headers = Objects.requireNonNull(headers, "headers");
      return this;
    }

    /**
     * Source of the key's 16 random bytes; a {@link SecureRandom} by default. Tests inject a fixed
     * source to get byte-exact requests.
     */
    public Builder random(Random random) {
      this.random = Objects.requireNonNull(random, "random");
      return this;
    }

    /** Most bytes the response head may take; {@link WebSocketConfig#maxHandshakeSize()}. */
    public Builder maxResponseSize(int bytes) {
      this.maxResponseSize = bytes;
      return this;
    }

    /**
     * The handshake, with a fresh key.
     *
     * @throws IllegalArgumentException if the URI is not ws or wss with a host and no fragment, a
     *     subprotocol is not a token or repeated, the extension offer is malformed, or a header
     *     names a field the handshake writes itself
     */
    public ClientHandshake build() {
      if (random == null) random = new SecureRandom();
      return new ClientHandshake(this);
    }
  }
}
