package io.asyncws.runtime.contract;

import io.asyncws.runtime.HandshakeRequest;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Header lookup for generated servers. HTTP header names are case-insensitive; this finds a header
 * whatever case the client wrote it in and whatever case the request's map keeps it in, so that
 * authentication does not depend on how a client spells {@code Authorization}.
 */
public final class HandshakeHeaders {
  private HandshakeHeaders() {}

  /** The first value of header {@code name}, compared without regard to case. */
  public static Optional<String> first(HandshakeRequest request, String name) {
    for (Map.Entry<String, List<String>> e : request.headers().entrySet()) {
      if (e.getKey().equalsIgnoreCase(name) && !e.getValue().isEmpty()) return Optional.of(e.getValue().get(0));
    }
    return Optional.empty();
  }
}
