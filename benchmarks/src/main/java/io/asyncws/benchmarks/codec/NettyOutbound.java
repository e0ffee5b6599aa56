package io.asyncws.benchmarks.codec;

import io.netty.buffer.ByteBuf;
import io.netty.channel.embedded.EmbeddedChannel;
import java.io.ByteArrayOutputStream;

/** Empties what Netty's encoder wrote to an {@link EmbeddedChannel}: a header and maybe a payload. */
final class NettyOutbound {
  private NettyOutbound() {}

  /** Releases every outbound buffer and returns how many bytes they held. */
  static int drainLength(EmbeddedChannel channel) {
    int length = 0;
    for (ByteBuf buf; (buf = channel.readOutbound()) != null; ) {
      length += buf.readableBytes();
      buf.release();
    }
    return length;
  }

  /** Releases every outbound buffer and returns their bytes, concatenated. */
  static byte[] drainBytes(EmbeddedChannel channel) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    for (ByteBuf buf; (buf = channel.readOutbound()) != null; ) {
      byte[] bytes = new byte[buf.readableBytes()];
      buf.getBytes(buf.readerIndex(), bytes);
      out.writeBytes(bytes);
      buf.release();
    }
    return out.toByteArray();
  }
}
