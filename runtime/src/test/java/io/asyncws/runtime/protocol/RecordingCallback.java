package io.asyncws.runtime.protocol;

import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;

/** Records what a {@link FrameReader} reports, one readable line per event. */
final class RecordingCallback implements FrameCallback {
  final List<String> events = new ArrayList<>();
  /** Binary payloads as received, to check that they are positioned and owned correctly. */
  final List<ByteBuffer> binaries = new ArrayList<>();

  @Override
  public void onText(String text) {
    events.add("text " + text);
  }

  @Override
  public void onBinary(ByteBuffer data) {
    binaries.add(data);
    events.add("binary " + Hex.of(data));
  }

  @Override
  public void onPing(ByteBuffer payload) {
    events.add("ping " + Hex.of(payload));
  }

  @Override
  public void onPong(ByteBuffer payload) {
    events.add("pong " + Hex.of(payload));
  }

  @Override
  public void onClose(int code, String reason) {
    events.add("close " + code + " " + reason);
  }
}
