package io.asyncws.runtime.contract;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.asyncws.runtime.HandshakeRequest;
import java.net.InetSocketAddress;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(value = 5, unit = TimeUnit.SECONDS)
class HandshakeHeadersTest {
  private static HandshakeRequest withHeaders(Map<String, List<String>> headers) {
    return new HandshakeRequest("/", "", Map.of(), headers, Optional.empty(), List.of(),
        new InetSocketAddress("127.0.0.1", 1));
  }

  @Test
  void serverFindsHeaderWhateverItsCase() {
    HandshakeRequest request = withHeaders(Map.of("Authorization", List.of("Bearer a", "Bearer b")));
    assertEquals(Optional.of("Bearer a"), HandshakeHeaders.first(request, "authorization"));
    assertEquals(Optional.of("Bearer a"), HandshakeHeaders.first(request, "AUTHORIZATION"));
    assertEquals(Optional.empty(), HandshakeHeaders.first(request, "x-api-key"));
  }
}
