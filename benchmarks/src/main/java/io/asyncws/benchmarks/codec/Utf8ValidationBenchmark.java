package io.asyncws.benchmarks.codec;

import io.asyncws.runtime.protocol.ProtocolException;
import io.asyncws.runtime.protocol.Utf8Validator;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.channel.embedded.EmbeddedChannel;
import io.netty.handler.codec.http.websocketx.TextWebSocketFrame;
import io.netty.handler.codec.http.websocketx.Utf8FrameValidator;
import io.netty.handler.codec.http.websocketx.WebSocketFrame;
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
 * Validating a whole text message as UTF-8: ours is {@link Utf8Validator}; Netty's is {@link
 * Utf8FrameValidator}, the handler its server pipeline runs on text frames, in an {@link
 * EmbeddedChannel}.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
public class Utf8ValidationBenchmark {
  /** Bytes of text. */
  @Param({"64", "4096", "1048576"})
  public int size;

  /** {@code ascii}: the fast path; {@code mixed}: 1- to 4-byte sequences throughout. */
  @Param({"ascii", "mixed"})
  public String text;

  private byte[] bytes;
  private final Utf8Validator validator = new Utf8Validator();
  private ByteBuf nettyText;
  private EmbeddedChannel netty;

  /** Builds the text once, and Netty's validator. */
  @Setup
  public void setUp() {
    bytes = CodecInputs.utf8Text(size, text.equals("ascii"));
    nettyText = Unpooled.wrappedBuffer(bytes);
    netty = new EmbeddedChannel(new Utf8FrameValidator());
  }

  /** Releases Netty's buffers. */
  @TearDown
  public void tearDown() {
    netty.finishAndReleaseAll();
    nettyText.release();
  }

  /** Our validator, reused from message to message as the reader does. */
  @Benchmark
  public int ours() throws ProtocolException {
    validator.feed(bytes, 0, bytes.length);
    validator.finish();
    return bytes.length;
  }

  /** Netty's validating handler; returns the length of the frame it let through. */
  @Benchmark
  public int netty() {
    netty.writeInbound(new TextWebSocketFrame(nettyText.retainedDuplicate()));
    WebSocketFrame passed = netty.readInbound();
    if (passed == null) throw new IllegalStateException("Netty rejected valid UTF-8.");
    try {
      return passed.content().readableBytes();
    } finally {
      passed.release();
    }
  }
}
