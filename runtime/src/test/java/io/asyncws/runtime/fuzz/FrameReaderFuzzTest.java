package io.asyncws.runtime.fuzz;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;
import io.asyncws.runtime.protocol.FrameCallback;
import io.asyncws.runtime.protocol.FrameReader;
import io.asyncws.runtime.protocol.ProtocolException;
import io.asyncws.runtime.protocol.Role;
import java.nio.ByteBuffer;

/**
 * The frame reader under a coverage-guided fuzzer: whatever bytes arrive, in whatever splits,
 * the reader either delivers frames or fails with a {@link ProtocolException}; any other
 * exception, a hang, or a large allocation is a bug. Limits are small so that no input can make
 * it buffer much.
 */
class FrameReaderFuzzTest {
  private static final FrameCallback IGNORE =
      new FrameCallback() {
        @Override
        public void onText(String text) {}

        @Override
        public void onBinary(ByteBuffer data) {}

        @Override
        public void onPing(ByteBuffer payload) {}

        @Override
        public void onPong(ByteBuffer payload) {}

        @Override
        public void onClose(int code, String reason) {}
      };

  @FuzzTest(maxDuration = "10s")
  void readerFailsOnlyWithProtocolException(FuzzedDataProvider data) {
    Role role = data.consumeBoolean() ? Role.SERVER : Role.CLIENT;
    FrameReader reader = new FrameReader(role, 4096, 16384, IGNORE);
    try {
      while (data.remainingBytes() > 0) {
        int chunk = data.consumeInt(1, 512);
        ByteBuffer in = ByteBuffer.wrap(data.consumeBytes(chunk));
        reader.read(in);
        if (in.hasRemaining()) throw new AssertionError("reader left " + in.remaining() + " bytes");
      }
    } catch (ProtocolException expected) {
      int code = expected.closeCode();
      if (code != 1002 && code != 1007 && code != 1009) {
        throw new AssertionError("unexpected close code " + code, expected);
      }
    }
  }
}
