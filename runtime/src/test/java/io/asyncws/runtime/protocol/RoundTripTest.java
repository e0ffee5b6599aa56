package io.asyncws.runtime.protocol;

import static io.asyncws.runtime.protocol.WebSocketProtocol.OPCODE_BINARY;
import static io.asyncws.runtime.protocol.WebSocketProtocol.OPCODE_CONTINUATION;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Frames written by one role and read by the other, at the lengths where the length encoding
 * changes and the mask offset wraps: 0-5, 125-129, 65535-65539 bytes.
 */
@Timeout(value = 120, unit = TimeUnit.SECONDS)
class RoundTripTest {
  private static final int[] LENGTHS = {
    0, 1, 2, 3, 4, 5, 125, 126, 127, 128, 129, 65535, 65536, 65537, 65538, 65539
  };

  @ParameterizedTest
  @EnumSource(Role.class)
  void readerGetsWhatTheOtherRoleWroteAtBoundaryLengths(Role writerRole) throws Exception {
    Role readerRole = writerRole == Role.CLIENT ? Role.SERVER : Role.CLIENT;
    FrameWriter writer = new FrameWriter(writerRole, new Random(6455));
    ByteArrayOutputStream stream = new ByteArrayOutputStream();
    List<String> expected = new ArrayList<>();
    for (int length : LENGTHS) {
      byte[] payload = FrameReaderTest.pattern(length);
      stream.writeBytes(bytes(writer.binary(ByteBuffer.wrap(payload))));
      expected.add("binary " + Hex.of(payload));
      String text = "x€".repeat(length / 4) + "y".repeat(length % 4); // length bytes of UTF-8
      stream.writeBytes(bytes(writer.text(text)));
      expected.add("text " + text);
      if (length <= WebSocketProtocol.CONTROL_PAYLOAD_MAX) {
        stream.writeBytes(bytes(writer.ping(ByteBuffer.wrap(payload))));
        expected.add("ping " + Hex.of(payload));
      }
    }
    stream.writeBytes(bytes(writer.close(1000, "bye")));
    expected.add("close 1000 bye");
    byte[] all = stream.toByteArray();

    assertEquals(expected, Reading.inPieces(readerRole, all));
    Random random = new Random(all.length);
    for (int round = 0; round < 10; round++) {
      int[] cuts = random.ints(50, 0, all.length + 1).sorted().toArray();
      assertEquals(expected, Reading.inPieces(readerRole, all, cuts));
    }
  }

  @ParameterizedTest
  @EnumSource(Role.class)
  void readerReassemblesFragmentsOfBoundaryLengthsReadOneByteAtATime(Role writerRole)
      throws Exception {
    Role readerRole = writerRole == Role.CLIENT ? Role.SERVER : Role.CLIENT;
    FrameWriter writer = new FrameWriter(writerRole, new Random(1));
    ByteArrayOutputStream stream = new ByteArrayOutputStream();
    ByteArrayOutputStream message = new ByteArrayOutputStream();
    // Fragments of 0-5 and 125-129 bytes, so that each one starts at a different mask offset.
    int[] lengths = {0, 1, 2, 3, 4, 5, 125, 126, 127, 128, 129};
    for (int i = 0; i < lengths.length; i++) {
      byte[] fragment = FrameReaderTest.pattern(lengths[i] + i);
      int opcode = i == 0 ? OPCODE_BINARY : OPCODE_CONTINUATION;
      boolean fin = i == lengths.length - 1;
      stream.writeBytes(bytes(writer.frame(opcode, fin, ByteBuffer.wrap(fragment))));
      message.writeBytes(fragment);
    }
    byte[] all = stream.toByteArray();
    assertEquals(
        List.of("binary " + Hex.of(message.toByteArray())),
        Reading.inPieces(readerRole, all, Reading.oneByteCuts(all.length)));
  }

  private static byte[] bytes(ByteBuffer frame) {
    byte[] out = new byte[frame.remaining()];
    frame.get(out);
    return out;
  }
}
