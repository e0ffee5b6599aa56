package io.asyncws.runtime.handshake;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(5)
class HandshakeHeadersTest {
  @Test
  void acceptKeyMatchesRfc6455Example() {
    // RFC 6455 §1.3: the key is base64 of "the sample nonce"; SHA-1 b37a4f2c...b2bec4ea.
    assertEquals(
        "s3pPLMBiTxaQ9kYGzzhZRbK+xOo=", HandshakeHeaders.acceptKey("dGhlIHNhbXBsZSBub25jZQ=="));
  }

  @Test
  void acceptKeyHashesTheKeyTextNotItsDecodedBytes() {
    // Different text for the same 16 bytes would be a different key; the key is never decoded.
    assertEquals(28, HandshakeHeaders.acceptKey("x").length());
    assertNotEquals(HandshakeHeaders.acceptKey("x"), HandshakeHeaders.acceptKey("X"));
  }
}
