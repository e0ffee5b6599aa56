package io.asyncws.benchmarks.codec;

import io.asyncws.runtime.protocol.FrameReader;
import io.asyncws.runtime.protocol.FrameWriter;
import io.asyncws.runtime.protocol.ProtocolException;
import io.asyncws.runtime.protocol.Role;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.channel.embedded.EmbeddedChannel;
import io.netty.handler.codec.http.websocketx.WebSocket08FrameDecoder;
import io.netty.handler.codec.http.websocketx.WebSocketDecoderConfig;
import io.netty.handler.codec.http.websocketx.WebSocketFrame;
import java.nio.ByteBuffer;
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
 * A server parsing one masked binary frame into a message: header, length, unmasking and the copy
 * into the message handed to the application. Ours is {@link FrameReader}; Netty's is {@link
 * WebSocket08FrameDecoder} in an {@link EmbeddedChannel}, as it runs in a pipeline.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
public class FrameParseBenchmark {
  /** Payload bytes of the frame. */
  @Param({"64", "1024", "65536", "1048576"})
  public int size;

  private ByteBuffer frame;
  private CodecInputs.LastBinary delivered;
  private FrameReader reader;
  private ByteBuf nettyFrame;
  private EmbeddedChannel netty;

  /** Builds the masked frame once, and both decoders with the same limits. */
  @Setup
  public void setUp() {
    frame =
        new FrameWriter(Role.CLIENT, new CodecInputs.FixedMaskKey())
            .binary(ByteBuffer.wrap(CodecInputs.binaryPayload(size)));
    delivered = new CodecInputs.LastBinary();
    reader = new FrameReader(Role.SERVER, CodecInputs.MAX_PAYLOAD, CodecInputs.MAX_PAYLOAD, delivered);
    nettyFrame = Unpooled.wrappedBuffer(frame.duplicate());
    netty =
        new EmbeddedChannel(
            new WebSocket08FrameDecoder(
                WebSocketDecoderConfig.newBuilder()
                    .expectMaskedFrames(true)
                    .maxFramePayloadLength(CodecInputs.MAX_PAYLOAD)
                    .build()));
  }

  /** Releases Netty's buffers. */
  @TearDown
  public void tearDown() {
    netty.finishAndReleaseAll();
    nettyFrame.release();
  }

  /** The masked frame both decoders read; for the setup check. */
  ByteBuffer frame() {
    return frame.duplicate();
  }

  /** Our reader: returns the delivered payload. */
  @Benchmark
  public ByteBuffer ours() throws ProtocolException {
    reader.read(frame.duplicate());
    return delivered.last;
  }

  /** Netty's decoder: returns the payload length, the frame itself being released. */
  @Benchmark
  public int netty() {
    WebSocketFrame decoded = decodeNetty();
    try {
      return decoded.content().readableBytes();
    } finally {
      decoded.release();
    }
  }

  /** The payload Netty decodes, copied out; for the setup check. */
  byte[] nettyPayload() {
    WebSocketFrame decoded = decodeNetty();
    try {
      byte[] bytes = new byte[decoded.content().readableBytes()];
      decoded.content().getBytes(decoded.content().readerIndex(), bytes);
      return bytes;
    } finally {
      decoded.release();
    }
  }

  private WebSocketFrame decodeNetty() {
    netty.writeInbound(nettyFrame.retainedDuplicate());
    return netty.readInbound();
  }
}
