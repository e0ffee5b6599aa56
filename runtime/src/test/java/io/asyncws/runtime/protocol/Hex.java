package io.asyncws.runtime.protocol;

import java.nio.ByteBuffer;
import java.util.HexFormat;

/** Hex fixtures: spaces are ignored so that frames can be written byte by byte. */
final class Hex {
  private Hex() {}

  static byte[] bytes(String hex) {
    return HexFormat.of().parseHex(hex.replace(" ", ""));
  }

  static ByteBuffer buffer(String hex) {
    return ByteBuffer.wrap(bytes(hex));
  }

  /** The bytes between position and limit, without moving the position. */
  static String of(ByteBuffer buffer) {
    byte[] copy = new byte[buffer.remaining()];
    buffer.duplicate().get(copy);
    return HexFormat.of().formatHex(copy);
  }

  static String of(byte[] bytes) {
    return HexFormat.of().formatHex(bytes);
  }
}
