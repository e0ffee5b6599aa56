package io.asyncws.benchmarks.codec;

import io.asyncws.runtime.protocol.FrameWriter;
import io.asyncws.runtime.protocol.Role;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.channel.embedded.EmbeddedChannel;
import io.netty.handler.codec.http.websocketx.BinaryWebSocketFrame;
import io.netty.handler.codec.http.websocketx.WebSocket08FrameEncoder;
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
 * A server encoding one unmasked binary frame from a payload. Ours is {@link FrameWriter}, which
 * copies header and payload into one buffer; Netty's is {@link WebSocket08FrameEncoder} in an
 * {@link EmbeddedChannel}, which copies small payloads and passes large ones on beside the header
 * without copying — its real behaviour, so it counts.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
public class FrameEncodeBenchmark {
  /** Payload bytes of the frame. */
  @Param({"64", "1024", "65536", "1048576"})
  public int size;

  private ByteBuffer payload;
  private FrameWriter writer;
  private ByteBuf nettyPayload;
  private EmbeddedChannel netty;

  /** Builds the payload once, and both encoders. */
  @Setup
  public void setUp() {
    payload = ByteBuffer.wrap(CodecInputs.binaryPayload(size));
    writer = new FrameWriter(Role.SERVER, null);
    nettyPayload = Unpooled.wrappedBuffer(payload.duplicate());
    netty = new EmbeddedChannel(new WebSocket08FrameEncoder(false));
  }

  /** Releases Netty's buffers. */
  @TearDown
  public void tearDown() {
    netty.finishAndReleaseAll();
    nettyPayload.release();
  }

  /** Our writer: returns the frame. */
  @Benchmark
  public ByteBuffer ours() {
    return writer.binary(payload);
  }

  /** Netty's encoder: returns the bytes written, its buffers being released. */
  @Benchmark
  public int netty() {
    netty.writeOutbound(new BinaryWebSocketFrame(nettyPayload.retainedDuplicate()));
    return NettyOutbound.drainLength(netty);
  }

  /** The frame Netty encodes, as one array; for the setup check. */
  byte[] nettyFrame() {
    netty.writeOutbound(new BinaryWebSocketFrame(nettyPayload.retainedDuplicate()));
    return NettyOutbound.drainBytes(netty);
  }
}
