package io.asyncws.runtime.session;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.asyncws.runtime.WebSocketConfig;
import io.asyncws.runtime.deflate.DeflateParameters;
import io.asyncws.runtime.deflate.PerMessageDeflate;
import io.asyncws.runtime.protocol.Role;
import java.net.URI;
import java.nio.ByteBuffer;
import java.util.HexFormat;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** A session with permessage-deflate: what it writes, and that it releases zlib at the end. */
@Timeout(10)
class SessionDeflateTest {
  private static final HexFormat HEX = HexFormat.of();

  private final FakeTransport transport = new FakeTransport();
  private final RecordingListener listener = new RecordingListener();

  private WebSocketSession open(WebSocketConfig config, PerMessageDeflate deflate) {
    WebSocketSession session =
        new WebSocketSession(
            () -> URI.create("ws://example.com/"), Role.SERVER, "", "permessage-deflate", config,
            listener, transport, new Random(1), deflate);
    transport.attach(session);
    session.onOpen();
    return session;
  }

  private List<String> frames() {
    return transport.written.stream().map(b -> {
      byte[] bytes = new byte[b.remaining()];
      b.duplicate().get(bytes);
      return HEX.formatHex(bytes);
    }).toList();
  }

  @Test
  void serverSendsCompressedMessageWithRsv1() {
    WebSocketConfig config = WebSocketConfig.builder().compressionThreshold(0).build();
    WebSocketSession session =
        open(config, new PerMessageDeflate(Role.SERVER, DeflateParameters.DEFAULTS, 0));
    session.send("Hello");
    session.send("Hello");
    // §7.2.3.1 and §7.2.3.2: RSV1|FIN|text, then the shorter second message
    assertEquals(List.of("c107f248cdc9c90700", "c105f200110000"), frames());
  }

  @Test
  void serverSetsRsv1OnFirstFragmentOnly() {
    WebSocketConfig config = WebSocketConfig.builder().fragmentSize(3).build();
    WebSocketSession session =
        open(config, new PerMessageDeflate(Role.SERVER, DeflateParameters.DEFAULTS, 0));
    session.send("Hello");
    // f248cdc9c90700 in fragments of 3: RSV1 on the first (0x41), plain continuations
    assertEquals(List.of("4103f248cd", "0003c9c907", "800100"), frames());
  }

  @Test
  void serverSendsSmallMessagesAndControlFramesUncompressed() {
    WebSocketSession session =
        open(
            WebSocketConfig.defaults(),
            new PerMessageDeflate(Role.SERVER, DeflateParameters.DEFAULTS, 6));
    session.send("Hello"); // below the threshold of 6
    session.ping(ByteBuffer.wrap("Hello".getBytes(java.nio.charset.StandardCharsets.US_ASCII)));
    session.close(1000, "Hello");
    assertEquals(
        List.of("810548656c6c6f", "890548656c6c6f", "880703e848656c6c6f"), frames());
  }

  @Test
  void serverInflatesCompressedMessages() {
    WebSocketSession session =
        open(
            WebSocketConfig.defaults(),
            new PerMessageDeflate(Role.SERVER, DeflateParameters.DEFAULTS, 0));
    // a masked RSV1 text frame with the zero mask key: f248cdc9c90700 is "Hello"
    session.onData(ByteBuffer.wrap(HEX.parseHex("c187" + "00000000" + "f248cdc9c90700")));
    assertEquals(List.of("open", "text:Hello"), listener.events);
    assertEquals("permessage-deflate", session.extensions());
  }

  @Test
  void sessionReleasesDeflateWhenTransportCloses() {
    PerMessageDeflate deflate = new PerMessageDeflate(Role.SERVER, DeflateParameters.DEFAULTS, 0);
    WebSocketSession session = open(WebSocketConfig.defaults(), deflate);
    assertFalse(deflate.isClosed());
    session.onData(ByteBuffer.wrap(HEX.parseHex("8882" + "00000000" + "03e8"))); // Close 1000
    assertTrue(transport.closedAfterFlush);
    assertTrue(deflate.isClosed(), "Deflater and Inflater ended when the session ended");
  }

  @Test
  void sessionReleasesDeflateWhenItFails() {
    PerMessageDeflate deflate = new PerMessageDeflate(Role.SERVER, DeflateParameters.DEFAULTS, 0);
    WebSocketSession session = open(WebSocketConfig.defaults(), deflate);
    session.onData(ByteBuffer.wrap(HEX.parseHex("c980" + "00000000"))); // RSV1 Ping: 1002
    assertTrue(deflate.isClosed());
  }
}
