package io.asyncws.runtime.handshake;

import io.asyncws.runtime.protocol.WebSocketProtocol;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.function.BiFunction;

/**
 * Reads an HTTP/1.1 message head from bytes that arrive in pieces, as NIO delivers them.
 *
 * <p>{@link #feed(ByteBuffer)} consumes bytes up to and including the empty line that ends the head
 * and not one byte more, so frames a peer sends right behind its handshake stay in the caller's
 * buffer.
 *
 * <p>The parser is strict, because a WebSocket peer that cannot frame HTTP correctly will not frame
 * WebSocket correctly either, and lenient parsing is how request smuggling starts:
 *
 * <ul>
 *   <li>Lines end with CRLF. A bare LF or a CR not followed by LF is a 400: RFC 9112 §2.2 allows
 *       tolerating bare LF, but every browser and WebSocket library sends CRLF.
 *   <li>Empty lines before a request line are skipped (RFC 9112 §2.2 recommends it).
 *   <li>Field names are tokens followed directly by a colon; whitespace before the colon is a 400
 *       (RFC 9112 §5.1), and so is a line folded onto the previous one ({@code obs-fold}).
 *   <li>Field values may hold visible ASCII, SP, HTAB and bytes 0x80-0xFF, decoded as ISO-8859-1;
 *       any other control byte is a 400.
 *   <li>More than {@code maxBytes} bytes or {@code maxHeaders} fields before the end of the head is
 *       a 431.
 * </ul>
 *
 * <p>Errors are {@link HandshakeException}s carrying the status a server answers with; a client
 * reports them as a malformed response. After an error or a complete head the decoder is spent. Not
 * thread-safe: one connection's event-loop thread feeds it.
 *
 * @param <H> the kind of head: {@link HttpHead.Request} or {@link HttpHead.Response}
 */
public final class HttpHeadDecoder<H extends HttpHead> {
  /** 100 fields: browsers send about 15; far more is an attack on the header table. */
  public static final int DEFAULT_MAX_HEADERS = 100;

  /** Field names every handshake carries, kept once instead of once per connection. */
  private static final String[] KNOWN_NAMES = {
    HandshakeHeaders.HOST,
    HandshakeHeaders.UPGRADE,
    HandshakeHeaders.CONNECTION,
    HandshakeHeaders.ORIGIN,
    HandshakeHeaders.SEC_WEBSOCKET_KEY,
    HandshakeHeaders.SEC_WEBSOCKET_ACCEPT,
    HandshakeHeaders.SEC_WEBSOCKET_VERSION,
    HandshakeHeaders.SEC_WEBSOCKET_PROTOCOL,
    HandshakeHeaders.SEC_WEBSOCKET_EXTENSIONS,
    "User-Agent",
  };

  /** Values most handshakes carry verbatim. */
  private static final String[] KNOWN_VALUES = {
    HandshakeHeaders.WEBSOCKET, HandshakeHeaders.UPGRADE_OPTION, WebSocketProtocol.VERSION,
  };

  private static final byte CR = '\r';
  private static final byte LF = '\n';

  private final boolean request;
  private final BiFunction<String[], Headers, H> build;
  private final int maxBytes;
  private final int maxHeaders;
  private final Headers.Builder headers = Headers.builder();
  /** 128 bytes hold every line of a typical handshake but the User-Agent; more grows it. */
  private static final int LINE_CAPACITY = 128;

  /**
   * Where lines are gathered while {@link #feed} runs: one array per thread, not per connection,
   * because a server runs thousands of handshakes on a few event-loop threads.
   */
  private static final ThreadLocal<byte[]> SCRATCH =
      ThreadLocal.withInitial(() -> new byte[LINE_CAPACITY]);

  /**
   * The thread's scratch array during {@link #feed}; between calls, a line the input cut off
   * (copied at its length) or null.
   */
  private byte[] line;
  private int lineLength;
  private int consumed;
  private boolean sawCr;
  private String[] startLine;
  private int headerCount;
  private boolean done;

  private HttpHeadDecoder(
      boolean request, BiFunction<String[], Headers, H> build, int maxBytes, int maxHeaders) {
    if (maxBytes <= 0 || maxHeaders <= 0) {
      throw new IllegalArgumentException("maxBytes and maxHeaders must be positive.");
    }
    this.request = request;
    this.build = build;
    this.maxBytes = maxBytes;
    this.maxHeaders = maxHeaders;
  }

  /**
   * A decoder of request heads, as a server reads them.
   *
   * @param maxBytes most bytes the head may take, final empty line included
   * @param maxHeaders most header fields the head may have
   */
  public static HttpHeadDecoder<HttpHead.Request> forRequests(int maxBytes, int maxHeaders) {
    return new HttpHeadDecoder<>(
        true,
        (start, h) -> new HttpHead.Request(start[0], start[1], start[2], h),
        maxBytes,
        maxHeaders);
  }

  /** A decoder of response heads, as a client reads them; limits as in {@link #forRequests}. */
  public static HttpHeadDecoder<HttpHead.Response> forResponses(int maxBytes, int maxHeaders) {
    return new HttpHeadDecoder<>(
        false,
        (start, h) -> new HttpHead.Response(start[0], Integer.parseInt(start[1]), start[2], h),
        maxBytes,
        maxHeaders);
  }

  /**
   * Consumes bytes of {@code in} up to the end of the head.
   *
   * @return the head once its final empty line has been read, leaving {@code in} positioned just
   *     after it; null while more bytes are needed, with all of {@code in} consumed
   * @throws HandshakeException if the bytes are not a well-formed head within the limits
   * @throws IllegalStateException if the decoder already returned a head or threw
   */
  public H feed(ByteBuffer in) throws HandshakeException {
    if (done) throw new IllegalStateException("This decoder is spent; create one per message.");
    byte[] scratch = SCRATCH.get();
    if (scratch.length < lineLength) scratch = new byte[lineLength * 2];
    if (lineLength > 0) System.arraycopy(line, 0, scratch, 0, lineLength);
    line = scratch;
    try {
      while (in.hasRemaining()) {
        H head = accept(in.get());
        if (head != null) {
          done = true;
          return head;
        }
      }
      return null;
    } catch (HandshakeException e) {
      done = true;
      throw e;
    } finally {
      SCRATCH.set(line); // the same array, or a larger one a long line grew
      line = lineLength > 0 && !done ? Arrays.copyOf(line, lineLength) : null;
    }
  }

  private H accept(byte b) throws HandshakeException {
    if (++consumed > maxBytes) {
      throw new HandshakeException(
          431, "The HTTP head exceeds the limit of " + maxBytes + " bytes.");
    }
    if (sawCr) {
      if (b != LF) throw badRequest("A CR is not followed by LF.");
      sawCr = false;
      return endOfLine();
    }
    if (b == CR) {
      sawCr = true;
    } else if (b == LF) {
      throw badRequest("A line ends with a bare LF instead of CRLF.");
    } else {
      if (lineLength == line.length) {
        line = Arrays.copyOf(line, Math.min(line.length * 2, maxBytes));
      }
      line[lineLength++] = b;
    }
    return null;
  }

  private H endOfLine() throws HandshakeException {
    int length = lineLength;
    lineLength = 0;
    if (startLine == null) {
      if (length == 0 && request) return null; // empty line before the request line
      String text = new String(line, 0, length, StandardCharsets.ISO_8859_1);
      startLine = request ? StartLines.request(text) : StartLines.response(text);
      return null;
    }
    if (length == 0) return build.apply(startLine, headers.build());
    if (++headerCount > maxHeaders) {
      throw new HandshakeException(
          431, "The HTTP head has more than " + maxHeaders + " header fields.");
    }
    headerField(length);
    return null;
  }

  private void headerField(int length) throws HandshakeException {
    if (Http.isOws(line[0])) {
      throw badRequest("A header line starts with whitespace (obsolete line folding).");
    }
    int colon = 0;
    while (colon < length && line[colon] != ':') {
      if (!Http.isTokenChar(line[colon] & 0xFF)) {
        throw badRequest(
            Http.isOws(line[colon])
                ? "A header name is followed by whitespace before its colon."
                : "A header name holds a character that is not allowed in a token.");
      }
      colon++;
    }
    if (colon == length) throw badRequest("A header line has no colon.");
    if (colon == 0) throw badRequest("A header line has an empty name.");
    for (int i = colon + 1; i < length; i++) {
      if (!Http.isFieldValueChar(line[i] & 0xFF)) {
        throw badRequest("A header value holds a control character.");
      }
    }
    // Trimmed here, so the builder keeps this string instead of trimming it into another one.
    int from = colon + 1;
    int to = length;
    while (from < to && Http.isOws(line[from])) from++;
    while (to > from && Http.isOws(line[to - 1])) to--;
    headers.add(knownName(colon), knownValue(from, to - from));
  }

  /**
   * The name in {@code line[0, length)}: a shared constant when it is spelled like one of the
   * handshake's own fields, as nearly every client spells them, else a new string.
   */
  private String knownName(int length) {
    for (String known : KNOWN_NAMES) {
      if (known.length() == length && sameAscii(known, 0, length)) return known;
    }
    return new String(line, 0, length, StandardCharsets.US_ASCII);
  }

  /** The value in {@code line[from, from + length)}, shared when it is a usual handshake value. */
  private String knownValue(int from, int length) {
    for (String known : KNOWN_VALUES) {
      if (known.length() == length && sameAscii(known, from, length)) return known;
    }
    return new String(line, from, length, StandardCharsets.ISO_8859_1);
  }

  private boolean sameAscii(String known, int from, int length) {
    for (int i = 0; i < length; i++) {
      if (line[from + i] != known.charAt(i)) return false;
    }
    return true;
  }

  private static HandshakeException badRequest(String message) {
    return new HandshakeException(400, message);
  }
}
