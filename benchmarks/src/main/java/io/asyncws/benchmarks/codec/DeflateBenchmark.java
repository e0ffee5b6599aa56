package io.asyncws.benchmarks.codec;

import io.asyncws.runtime.deflate.DeflateParameters;
import io.asyncws.runtime.deflate.PerMessageDeflate;
import io.asyncws.runtime.protocol.CloseCodes;
import io.asyncws.runtime.protocol.MessageInflater;
import io.asyncws.runtime.protocol.ProtocolException;
import io.asyncws.runtime.protocol.Role;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.channel.embedded.EmbeddedChannel;
import io.netty.handler.codec.http.websocketx.TextWebSocketFrame;
import io.netty.handler.codec.http.websocketx.WebSocketFrame;
import io.netty.handler.codec.http.websocketx.extensions.WebSocketExtension;
import io.netty.handler.codec.http.websocketx.extensions.WebSocketExtensionData;
import io.netty.handler.codec.http.websocketx.extensions.WebSocketServerExtension;
import io.netty.handler.codec.http.websocketx.extensions.compression.PerMessageDeflateServerExtensionHandshaker;
import java.nio.ByteBuffer;
import java.util.Arrays;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;

/**
 * A server's permessage-deflate path for one JSON text message: compressing what it sends and
 * inflating what it receives. Ours is {@link PerMessageDeflate}; Netty's is the encoder and decoder
 * its {@link PerMessageDeflateServerExtensionHandshaker} installs, each in an {@link
 * EmbeddedChannel}. Both as a server agrees to a plain {@code permessage-deflate} offer: context
 * takeover in both directions, 32 KiB windows, zlib's default level.
 *
 * <p>With context takeover the compressor remembers earlier messages, and every invocation sends
 * the same message, so after the first one both compressors find it whole in their window: that
 * is the best case of a feed repeating itself, the same for both. The inflaters are fed one
 * message compressed by a fresh compressor, which refers to nothing before it and so is valid
 * input whatever the inflater saw earlier.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
public class DeflateBenchmark {
  /** Bytes of JSON text in the message, before compression. */
  @Param({"64", "1024", "16384", "65536"})
  public int size;

  private ByteBuffer text;
  private byte[] compressed;
  private PerMessageDeflate ours;
  private InflatedMessage inflated;
  private ByteBuf nettyText;
  private ByteBuf nettyCompressed;
  private EmbeddedChannel nettyEncoder;
  private EmbeddedChannel nettyDecoder;

  /** Builds the message and its compressed form once, and both codecs. */
  @Setup
  public void setUp() {
    text = ByteBuffer.wrap(CodecInputs.jsonText(size));
    ours = newOurs();
    try (PerMessageDeflate fresh = newOurs()) {
      ByteBuffer out = fresh.compress(text.duplicate());
      compressed = new byte[out.remaining()];
      out.get(compressed);
    }
    inflated = new InflatedMessage(size);
    nettyText = Unpooled.wrappedBuffer(text.duplicate());
    nettyCompressed = Unpooled.wrappedBuffer(compressed);
    WebSocketServerExtension netty =
        // Netty's defaults otherwise: level 6, 32 KiB windows, context takeover.
        new PerMessageDeflateServerExtensionHandshaker(CodecInputs.MAX_PAYLOAD)
            .handshakeExtension(
                new WebSocketExtensionData(DeflateParameters.NAME, Map.of()));
    nettyEncoder = new EmbeddedChannel(netty.newExtensionEncoder());
    nettyDecoder = new EmbeddedChannel(netty.newExtensionDecoder());
  }

  /** Releases zlib's memory and Netty's buffers. */
  @TearDown
  public void tearDown() {
    ours.close();
    nettyEncoder.finishAndReleaseAll();
    nettyDecoder.finishAndReleaseAll();
    nettyText.release();
    nettyCompressed.release();
  }

  /** Ours: returns the compressed payload. */
  @Benchmark
  public ByteBuffer compressOurs() {
    return ours.compress(text);
  }

  /** Netty's: returns the compressed length, the frame being released. */
  @Benchmark
  public int compressNetty() {
    nettyEncoder.writeOutbound(new TextWebSocketFrame(nettyText.retainedDuplicate()));
    WebSocketFrame frame = nettyEncoder.readOutbound();
    try {
      return frame.content().readableBytes();
    } finally {
      frame.release();
    }
  }

  /** Ours: inflates into a reused array, as the frame reader does; returns the length. */
  @Benchmark
  public int inflateOurs() throws ProtocolException {
    MessageInflater inflater = ours.inflater();
    inflated.length = 0;
    inflater.inflate(compressed, 0, compressed.length, inflated);
    inflater.endMessage(inflated);
    return inflated.length;
  }

  /** Netty's: returns the inflated length, the frame being released. */
  @Benchmark
  public int inflateNetty() {
    WebSocketFrame frame = inflateNettyFrame();
    try {
      return frame.content().readableBytes();
    } finally {
      frame.release();
    }
  }

  /** The message both compress; for the setup check. */
  byte[] text() {
    return text.array().clone();
  }

  /** What Netty's encoder sends for the message: RSV bits and payload; for the setup check. */
  Compressed nettyCompressedFrame() {
    nettyEncoder.writeOutbound(new TextWebSocketFrame(nettyText.retainedDuplicate()));
    WebSocketFrame frame = nettyEncoder.readOutbound();
    try {
      return new Compressed(frame.rsv(), bytes(frame.content()));
    } finally {
      frame.release();
    }
  }

  /** The message as our inflater rebuilt it; for the setup check. */
  byte[] oursInflated() throws ProtocolException {
    int length = inflateOurs();
    return Arrays.copyOf(inflated.bytes, length);
  }

  /** The message as Netty's decoder rebuilt it; for the setup check. */
  byte[] nettyInflated() {
    WebSocketFrame frame = inflateNettyFrame();
    try {
      return bytes(frame.content());
    } finally {
      frame.release();
    }
  }

  private WebSocketFrame inflateNettyFrame() {
    nettyDecoder.writeInbound(
        new TextWebSocketFrame(true, WebSocketExtension.RSV1, nettyCompressed.retainedDuplicate()));
    return nettyDecoder.readInbound();
  }

  private static PerMessageDeflate newOurs() {
    return new PerMessageDeflate(Role.SERVER, DeflateParameters.DEFAULTS, 0);
  }

  private static byte[] bytes(ByteBuf buf) {
    byte[] bytes = new byte[buf.readableBytes()];
    buf.getBytes(buf.readerIndex(), bytes);
    return bytes;
  }

  /** A compressed frame's reserved bits and payload. */
  record Compressed(int rsv, byte[] payload) {}

  /** Collects inflated bytes into one array sized for the message, as the frame reader does. */
  private static final class InflatedMessage implements MessageInflater.Sink {
    final byte[] bytes;
    int length;

    InflatedMessage(int size) {
      bytes = new byte[size];
    }

    @Override
    public void write(byte[] chunk, int offset, int n) throws ProtocolException {
      if (n > bytes.length - length) {
        throw new ProtocolException(CloseCodes.MESSAGE_TOO_BIG, "inflated past the message's " + bytes.length + " bytes");
      }
      System.arraycopy(chunk, offset, bytes, length, n);
      length += n;
    }
  }
}
