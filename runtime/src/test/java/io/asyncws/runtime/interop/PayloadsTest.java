package io.asyncws.runtime.interop;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The Java payload generator matches the Node and Python ones, and plans verify echoes. */
@Timeout(value = 30, unit = TimeUnit.SECONDS)
class PayloadsTest {

  @Test
  void smallPayloadsMatchTheScriptPeersByteForByte() {
    // Printed by peers/node/payload.mjs: U+00A2 U+4E02 U+1F303 '%' U+00A6.
    assertEquals("c2a2e4b882f09f8c8325c2a6", HexFormat.of().formatHex(Payloads.text(1, 12)));
    assertEquals("8d1b985d5e4ddd59", HexFormat.of().formatHex(Payloads.binary(1, 8)));
  }

  // SHA-256 of the payloads as printed by peers/node/payload.mjs (and python/payload.py).
  @ParameterizedTest
  @CsvSource({
    "0, 0, e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855, e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855",
    "3, 2524, b5c64974865823956d51c8a9206400efa987d9f352c750504a6075ff8c85dadb, 5cd3d25efb6c25788117d9d4917c072614fb599b6b74d2d52cec0f0d77aad791",
    "7, 65539, 0b3bcf542cdd4ee4ad1a2a3333cbbe7c2f515cf09600d5a00c3ea2566f32845c, 0269ddd24007b15d8f7ac5ac017f96ba75ba23091718094f27c409cf7230cdb7",
    "6, 16777216, 06dd7ed9585a0aa917bf8fa55863b9316340ee447228f4bd04bf59dc6ceafe26, 6b22c2d80202d0ebdabb3e3e28e7546702280c4699c17148040cfbc3488dde8c",
  })
  void largePayloadsMatchTheScriptPeersDigests(int seed, int size, String textSha256, String binarySha256)
      throws Exception {
    byte[] text = Payloads.text(seed, size);
    assertEquals(size, text.length);
    assertEquals(textSha256, sha256(text));
    assertEquals(binarySha256, sha256(Payloads.binary(seed, size)));
  }

  @Test
  void textPayloadIsValidUtf8WithMultiByteCharacters() throws CharacterCodingException {
    byte[] text = Payloads.text(5, 65536);
    String decoded = StandardCharsets.UTF_8.newDecoder().decode(ByteBuffer.wrap(text)).toString();
    assertTrue(decoded.codePoints().anyMatch(cp -> cp > 0xFFFF), "expected 4-byte characters");
  }

  @Test
  void textFragmentsCutBetweenCharactersAndRejoin() {
    byte[] text = Payloads.text(3, 100); // starts with a 4-byte character
    List<byte[]> pieces = Payloads.fragments(text, false, 3);
    assertEquals(4, pieces.get(0).length, "a character longer than the fragment size is one piece");
    for (byte[] piece : pieces) {
      assertEquals(piece.length, new String(piece, StandardCharsets.UTF_8).getBytes(StandardCharsets.UTF_8).length);
    }
    assertArrayEquals(text, Payloads.join(pieces));
  }

  @Test
  void shortMessageIsStillSentAsTwoFrames() {
    List<byte[]> pieces = Payloads.fragments(new byte[0], true, 1021);
    assertEquals(2, pieces.size());
    assertEquals(0, pieces.get(0).length + pieces.get(1).length);
  }

  @Test
  void planReportsEchoOfWrongTypeOrContent() {
    MessagePlan plan = MessagePlan.parse("t5,b70000");
    assertEquals("t5,b70000", plan.spec());
    assertEquals(Optional.empty(), plan.mismatch(1, true, plan.payload(1)));
    byte[] corrupted = plan.payload(1);
    corrupted[65536] ^= 1;
    assertEquals(Optional.of("Echo of message 1 (b70000) has 70000 bytes, first difference at byte 65536."),
        plan.mismatch(1, true, corrupted));
    assertFalse(plan.mismatch(0, true, plan.payload(0)).isEmpty(), "text echoed as binary");
  }

  private static String sha256(byte[] data) throws Exception {
    return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(data));
  }
}
