package io.asyncws.runtime.protocol;

import static io.asyncws.runtime.protocol.RawFrames.concat;
import static io.asyncws.runtime.protocol.RawFrames.frame;
import static io.asyncws.runtime.protocol.Reading.assertFails;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.ByteBuffer;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.ValueSource;

/** Every way a peer can break RFC 6455 at the framing level, and the close code each earns. */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class FrameReaderViolationsTest {
  private static final int PROTOCOL_ERROR = CloseCodes.PROTOCOL_ERROR;
  private static final int INVALID_PAYLOAD = CloseCodes.INVALID_PAYLOAD;
  private static final int MESSAGE_TOO_BIG = CloseCodes.MESSAGE_TOO_BIG;

  // Header bits.

  @ParameterizedTest
  @ValueSource(ints = {0x40, 0x20, 0x10, 0x70}) // RSV1, RSV2, RSV3, all three
  void clientAndServerRejectReservedBits(int rsv) {
    for (Role role : Role.values()) {
      assertFails(role, frame(role, 0x81 | rsv, "41"), PROTOCOL_ERROR);
      assertFails(role, frame(role, 0x89 | rsv, ""), PROTOCOL_ERROR); // on a control frame too
    }
  }

  @ParameterizedTest
  @ValueSource(ints = {0x3, 0x4, 0x5, 0x6, 0x7, 0xb, 0xc, 0xd, 0xe, 0xf})
  void clientAndServerRejectReservedOpcodes(int opcode) {
    for (Role role : Role.values()) {
      assertFails(role, frame(role, 0x80 | opcode, ""), PROTOCOL_ERROR);
      assertFails(role, frame(role, 0x80 | opcode, "0102"), PROTOCOL_ERROR);
      // Also between the fragments of a message.
      assertFails(
          role,
          concat(frame(role, 0x01, "41"), frame(role, 0x80 | opcode, ""), frame(role, 0x80, "")),
          PROTOCOL_ERROR);
    }
  }

  @Test
  void serverRejectsUnmaskedFrame() {
    assertFails(Role.SERVER, Hex.bytes("81 05 48656c6c6f"), PROTOCOL_ERROR); // §5.7 unmasked
    assertFails(Role.SERVER, Hex.bytes("89 00"), PROTOCOL_ERROR); // unmasked empty ping
  }

  @Test
  void clientRejectsMaskedFrame() {
    assertFails(Role.CLIENT, Hex.bytes("81 85 37fa213d 7f9f4d5158"), PROTOCOL_ERROR); // §5.7
    assertFails(Role.CLIENT, Hex.bytes("8a 80 00000000"), PROTOCOL_ERROR); // masked empty pong
  }

  // Control frames.

  @ParameterizedTest
  @ValueSource(ints = {0x8, 0x9, 0xa}) // close, ping, pong
  void clientAndServerRejectFragmentedControlFrame(int opcode) {
    for (Role role : Role.values()) {
      assertFails(role, frame(role, opcode, ""), PROTOCOL_ERROR); // FIN=0
      assertFails(role, frame(role, opcode, "0102"), PROTOCOL_ERROR);
    }
  }

  @ParameterizedTest
  @ValueSource(ints = {0x8, 0x9, 0xa})
  void clientAndServerRejectControlFrameOver125Bytes(int opcode) {
    byte[] payload = new byte[126];
    payload[0] = 0x03; // a valid close code, so only the length is wrong
    payload[1] = (byte) 0xe8;
    for (Role role : Role.values()) {
      assertFails(role, frame(role, 0x80 | opcode, payload), PROTOCOL_ERROR);
    }
    // A 7-bit length of 126 or 127 on a control frame fails before the extended length.
    assertFails(Role.CLIENT, Hex.bytes("89 7e"), PROTOCOL_ERROR);
    assertFails(Role.CLIENT, Hex.bytes("89 7f"), PROTOCOL_ERROR);
  }

  // Fragmentation.

  @ParameterizedTest
  @EnumSource(Role.class)
  void clientAndServerRejectContinuationWithoutMessage(Role role) {
    assertFails(role, frame(role, 0x80, "41"), PROTOCOL_ERROR); // final continuation
    assertFails(role, frame(role, 0x00, "41"), PROTOCOL_ERROR); // non-final continuation
    // After a complete message, a continuation has nothing to continue.
    assertFails(role, concat(frame(role, 0x81, "41"), frame(role, 0x80, "42")), PROTOCOL_ERROR);
  }

  @ParameterizedTest
  @EnumSource(Role.class)
  void clientAndServerRejectNewMessageDuringFragmentedMessage(Role role) {
    assertFails(role, concat(frame(role, 0x01, "41"), frame(role, 0x81, "42")), PROTOCOL_ERROR);
    assertFails(role, concat(frame(role, 0x01, "41"), frame(role, 0x82, "42")), PROTOCOL_ERROR);
    assertFails(role, concat(frame(role, 0x02, "41"), frame(role, 0x02, "42")), PROTOCOL_ERROR);
  }

  // Lengths and limits.

  @Test
  void clientRejects64BitLengthWithMostSignificantBitSet() {
    assertFails(Role.CLIENT, Hex.bytes("82 7f 8000000000000000"), PROTOCOL_ERROR);
    assertFails(Role.CLIENT, Hex.bytes("82 7f ffffffffffffffff"), PROTOCOL_ERROR);
  }

  @Test
  void clientRejectsFrameOverMaxFrameSizeFromItsHeader() {
    // The header alone decides: no payload byte is sent.
    assertTooBigFromHeader(100, 1000, "82 7e 0065"); // 101 bytes, limit 100
    assertTooBigFromHeader(100, 1000, "82 7f 0000000000010000"); // 64 KiB
    assertTooBigFromHeader(100, 1000, "82 7f 7fffffffffffffff"); // largest legal length
    assertTooBigFromHeader(10, 1000, "89 0b"); // an 11-byte ping over a 10-byte frame limit
  }

  @Test
  void clientRejectsMessageOverMaxMessageSizeBeforeItsPayload() {
    // Two 3-byte fragments fit the 3-byte frame limit but not the 5-byte message limit.
    assertTooBigFromHeader(3, 5, "02 03 010203  80 03");
    // Control frames between the fragments do not count towards the message.
    assertTooBigFromHeader(3, 5, "02 03 010203  89 03 aabbcc  00 02 0405  80 01");
  }

  @Test
  void serverRejectsFrameOverMaxFrameSizeBeforeMaskKey() {
    assertTooBigFromHeader(Role.SERVER, 100, 1000, "82 fe 0065"); // masked, 101 bytes
  }

  private static void assertTooBigFromHeader(long maxFrame, long maxMessage, String hex) {
    assertTooBigFromHeader(Role.CLIENT, maxFrame, maxMessage, hex);
  }

  private static void assertTooBigFromHeader(
      Role role, long maxFrame, long maxMessage, String hex) {
    FrameReader reader = new FrameReader(role, maxFrame, maxMessage, new RecordingCallback());
    ProtocolException e =
        assertThrows(ProtocolException.class, () -> reader.read(Hex.buffer(hex)), hex);
    assertEquals(MESSAGE_TOO_BIG, e.closeCode(), e.getMessage());
  }

  // Text.

  @ParameterizedTest
  @EnumSource(Role.class)
  void clientAndServerRejectInvalidUtf8Text(Role role) {
    // Autobahn 6.4.x payload: "kosme" + U+D800 + "edited".
    assertFails(
        role, frame(role, 0x81, "cebae1bdb9cf83cebcceb5eda080656469746564"), INVALID_PAYLOAD);
    assertFails(role, frame(role, 0x81, "c0af"), INVALID_PAYLOAD); // overlong '/'
    assertFails(role, frame(role, 0x81, "f4908080"), INVALID_PAYLOAD); // above U+10FFFF
    assertFails(role, frame(role, 0x81, "e282"), INVALID_PAYLOAD); // truncated at message end
    // Truncated at the end of a fragmented message whose fragments are each fine alone.
    assertFails(role, concat(frame(role, 0x01, "41"), frame(role, 0x80, "e282")), INVALID_PAYLOAD);
    // Invalid only across the fragment boundary: "e2" then "41".
    assertFails(role, concat(frame(role, 0x01, "e2"), frame(role, 0x80, "41")), INVALID_PAYLOAD);
  }

  @ParameterizedTest
  @EnumSource(Role.class)
  void clientAndServerFailFastOnInvalidUtf8BeforeFrameIsComplete(Role role) {
    // Autobahn 6.4.1: "κόσμε" + F4 90 80 80 + "edited"; the peer sends only the bytes up to and
    // including F4 90 and waits. The reader must fail with what it has.
    byte[] whole = frame(role, 0x81, "cebae1bdb9cf83cebcceb5f4908080656469746564");
    int headerLength = role == Role.SERVER ? 6 : 2;
    byte[] prefix = java.util.Arrays.copyOf(whole, headerLength + 13); // up to the 0x90
    FrameReader reader = new FrameReader(role, 1000, 1000, new RecordingCallback());
    ProtocolException e =
        assertThrows(ProtocolException.class, () -> reader.read(ByteBuffer.wrap(prefix)));
    assertEquals(INVALID_PAYLOAD, e.closeCode());

    // Also in a later fragment, with the message's earlier fragments already read.
    byte[] fragments =
        concat(frame(role, 0x01, "cebae1bdb9"), frame(role, 0x80, "cf83cebcceb5eda080656469"));
    FrameReader second = new FrameReader(role, 1000, 1000, new RecordingCallback());
    int cut = fragments.length - 4; // stop within the second fragment, after ED A0
    assertThrows(
        ProtocolException.class, () -> second.read(ByteBuffer.wrap(fragments, 0, cut)));
  }

  @Test
  void clientDeliversNothingForMessageThatFailsValidation() {
    RecordingCallback callback = new RecordingCallback();
    FrameReader reader = new FrameReader(Role.CLIENT, 1000, 1000, callback);
    assertThrows(
        ProtocolException.class, () -> reader.read(Hex.buffer("89 01 aa  81 02 41ff  89 00")));
    assertEquals(List.of("ping aa"), callback.events); // the ping before, not the one after
  }

  // Close frames.

  @ParameterizedTest
  @EnumSource(Role.class)
  void clientAndServerRejectCloseWithOneBytePayload(Role role) {
    assertFails(role, frame(role, 0x88, "03"), PROTOCOL_ERROR);
  }

  @ParameterizedTest
  @ValueSource(ints = {0, 999, 1004, 1005, 1006, 1015, 1016, 1100, 2000, 2999, 5000, 65535})
  void clientAndServerRejectCloseCodesNotAllowedOnTheWire(int code) {
    String hex = String.format("%04x", code);
    for (Role role : Role.values()) {
      assertFails(role, frame(role, 0x88, hex), PROTOCOL_ERROR);
      assertFails(role, frame(role, 0x88, hex + "4f4b"), PROTOCOL_ERROR); // with reason "OK"
    }
  }

  @ParameterizedTest
  @EnumSource(Role.class)
  void clientAndServerRejectCloseReasonThatIsNotUtf8(Role role) {
    // Autobahn 7.5.1: code 1000, reason "κόσμε" + U+D800 + "edited".
    assertFails(
        role, frame(role, 0x88, "03e8 cebae1bdb9cf83cebcceb5eda080656469746564"), INVALID_PAYLOAD);
    assertFails(role, frame(role, 0x88, "03e8 e282"), INVALID_PAYLOAD); // truncated reason
  }
}
