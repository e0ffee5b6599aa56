package io.asyncws.benchmarks.codec;

import io.asyncws.runtime.protocol.FrameWriter;
import io.asyncws.runtime.protocol.Masking;
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
 * Masking, 64 B to 1 MiB. Netty has no public masking routine, so the comparison is where masking
 * happens in both: a client encoding a masked frame (mask + copy), with the same fixed key. {@code
 * oursInPlace} is our bare {@link Masking#apply}, what the reader runs to unmask, to show how much
 * of a masked frame is the XOR itself. Unmasking inside the reader is in {@link
 * FrameParseBenchmark}.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
public class MaskingBenchmark {
  /** Bytes masked. */
  @Param({"64", "1024", "65536", "1048576"})
  public int size;

  private ByteBuffer payload;
  private ByteBuffer scratch;
  private FrameWriter writer;
  private ByteBuf nettyPayload;
  private EmbeddedChannel netty;

  /** Builds the payload once, and both client-side encoders with a fixed mask key. */
  @Setup
  public void setUp() {
    payload = ByteBuffer.wrap(CodecInputs.binaryPayload(size));
    scratch = ByteBuffer.wrap(CodecInputs.binaryPayload(size));
    writer = new FrameWriter(Role.CLIENT, new CodecInputs.FixedMaskKey());
    nettyPayload = Unpooled.wrappedBuffer(payload.duplicate());
    netty = new EmbeddedChannel(new WebSocket08FrameEncoder(() -> CodecInputs.MASK_KEY));
  }

  /** Releases Netty's buffers. */
  @TearDown
  public void tearDown() {
    netty.finishAndReleaseAll();
    nettyPayload.release();
  }

  /** Our XOR alone, in place (masking twice restores the bytes, so the input stays valid). */
  @Benchmark
  public int oursInPlace() {
    return Masking.apply(scratch, 0, size, CodecInputs.MASK_KEY, 0);
  }

  /** Our client writer: a masked frame. */
  @Benchmark
  public ByteBuffer oursMaskedFrame() {
    return writer.binary(payload);
  }

  /** Netty's client encoder: a masked frame; returns the bytes written, buffers released. */
  @Benchmark
  public int nettyMaskedFrame() {
    netty.writeOutbound(new BinaryWebSocketFrame(nettyPayload.retainedDuplicate()));
    return NettyOutbound.drainLength(netty);
  }

  /** The masked frame Netty encodes, as one array; for the setup check. */
  byte[] nettyFrame() {
    netty.writeOutbound(new BinaryWebSocketFrame(nettyPayload.retainedDuplicate()));
    return NettyOutbound.drainBytes(netty);
  }

  /** The buffer {@link #oursInPlace} masks; for the setup check. */
  ByteBuffer scratch() {
    return scratch;
  }
}
