package io.asyncws.runtime.fuzz;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;
import io.asyncws.runtime.handshake.ClientHandshake;
import io.asyncws.runtime.handshake.Extensions;
import io.asyncws.runtime.handshake.HandshakeException;
import io.asyncws.runtime.handshake.HandshakeFailedException;
import io.asyncws.runtime.handshake.HttpHead;
import io.asyncws.runtime.handshake.HttpHeadDecoder;
import io.asyncws.runtime.handshake.ServerHandshake;
import java.net.URI;
import java.nio.ByteBuffer;
import java.util.Random;

/**
 * The opening-handshake parsers under a coverage-guided fuzzer: a hostile request or response
 * is refused with a {@link HandshakeException} or {@link HandshakeFailedException}, never with
 * anything else, and the decoder never reads past the head.
 */
class HandshakeFuzzTest {
  @FuzzTest(maxDuration = "10s")
  void serverRefusesAnyBadRequestCleanly(FuzzedDataProvider data) {
    HttpHeadDecoder<HttpHead.Request> decoder = HttpHeadDecoder.forRequests(4096, 32);
    try {
      while (data.remainingBytes() > 0) {
        ByteBuffer in = ByteBuffer.wrap(data.consumeBytes(data.consumeInt(1, 256)));
        HttpHead.Request request = decoder.feed(in);
        if (request != null) {
          ServerHandshake.validate(request);
          return;
        }
        if (in.hasRemaining()) throw new AssertionError("incomplete head left bytes unread");
      }
    } catch (HandshakeException expected) {
      if (expected.status() < 400 || expected.status() > 599) {
        throw new AssertionError("refused with status " + expected.status(), expected);
      }
    }
  }

  @FuzzTest(maxDuration = "10s")
  void clientRejectsAnyBadResponseCleanly(FuzzedDataProvider data) {
    ClientHandshake handshake =
        ClientHandshake.builder(URI.create("ws://example.com/chat"))
            .random(new Random(1))
            .maxResponseSize(4096)
            .build();
    try {
      while (data.remainingBytes() > 0) {
        ByteBuffer in = ByteBuffer.wrap(data.consumeBytes(data.consumeInt(1, 256)));
        if (handshake.feed(in) != null) return;
      }
    } catch (HandshakeFailedException expected) {
      // The one way a client may refuse a response.
    }
  }

  @FuzzTest(maxDuration = "10s")
  void extensionHeaderParserNeverThrows(FuzzedDataProvider data) {
    Extensions parsed = Extensions.parse(data.consumeRemainingAsString());
    if (parsed.isMalformed() && !parsed.offers().isEmpty()) {
      throw new AssertionError("a malformed header must offer nothing: " + parsed);
    }
  }
}
