package io.asyncws.runtime.fuzz;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;
import io.asyncws.runtime.deflate.DeflateParameters;
import io.asyncws.runtime.deflate.PerMessageDeflate;
import io.asyncws.runtime.protocol.FrameCallback;
import io.asyncws.runtime.protocol.FrameReader;
import io.asyncws.runtime.protocol.ProtocolException;
import io.asyncws.runtime.protocol.Role;
import java.nio.ByteBuffer;

/**
 * The permessage-deflate inflater behind the frame reader, under a coverage-guided fuzzer:
 * arbitrary DEFLATE streams, across messages that share a window, must be inflated or fail with
 * a {@link ProtocolException} (1002, 1007 or 1009); anything else, a hang, or an allocation past
 * the small message limit is a bug.
 */
class DeflateReaderFuzzTest {
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

  /** Each message a compressed frame (RSV1, text or binary) whose payload is fuzzed DEFLATE. */
  @FuzzTest(maxDuration = "10s")
  void inflaterFailsOnlyWithProtocolException(FuzzedDataProvider data) {
    boolean serverNoContext = data.consumeBoolean();
    try (PerMessageDeflate deflate =
        new PerMessageDeflate(
            Role.CLIENT, new DeflateParameters(serverNoContext, false, 0, 0), 0)) {
      FrameReader reader = new FrameReader(Role.CLIENT, 4096, 16384, IGNORE, deflate.inflater());
      while (data.remainingBytes() > 0) {
        boolean text = data.consumeBoolean();
        byte[] payload = data.consumeBytes(data.consumeInt(0, 125));
        ByteBuffer frame = ByteBuffer.allocate(2 + payload.length);
        frame.put((byte) (0xC0 | (text ? 0x1 : 0x2))).put((byte) payload.length).put(payload);
        reader.read(frame.flip());
      }
    } catch (ProtocolException expected) {
      check(expected);
    }
  }

  /** Raw bytes, cut anywhere, into a reader that admits RSV1: headers and DEFLATE both fuzzed. */
  @FuzzTest(maxDuration = "10s")
  void inflatingReaderFailsOnlyWithProtocolException(FuzzedDataProvider data) {
    Role role = data.consumeBoolean() ? Role.SERVER : Role.CLIENT;
    try (PerMessageDeflate deflate = new PerMessageDeflate(role, DeflateParameters.DEFAULTS, 0)) {
      FrameReader reader = new FrameReader(role, 4096, 16384, IGNORE, deflate.inflater());
      while (data.remainingBytes() > 0) {
        ByteBuffer in = ByteBuffer.wrap(data.consumeBytes(data.consumeInt(1, 512)));
        reader.read(in);
        if (in.hasRemaining()) throw new AssertionError("reader left " + in.remaining() + " bytes");
      }
    } catch (ProtocolException expected) {
      check(expected);
    }
  }

  private static void check(ProtocolException e) {
    int code = e.closeCode();
    if (code != 1002 && code != 1007 && code != 1009) {
      throw new AssertionError("unexpected close code " + code, e);
    }
  }
}
