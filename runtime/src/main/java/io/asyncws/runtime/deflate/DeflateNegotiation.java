package io.asyncws.runtime.deflate;

import static io.asyncws.runtime.deflate.DeflateParameters.CLIENT_MAX_WINDOW_BITS;
import static io.asyncws.runtime.deflate.DeflateParameters.CLIENT_NO_CONTEXT_TAKEOVER;
import static io.asyncws.runtime.deflate.DeflateParameters.NAME;
import static io.asyncws.runtime.deflate.DeflateParameters.SERVER_MAX_WINDOW_BITS;
import static io.asyncws.runtime.deflate.DeflateParameters.SERVER_NO_CONTEXT_TAKEOVER;
import static io.asyncws.runtime.deflate.DeflateParameters.UNSTATED;

import io.asyncws.runtime.handshake.ExtensionOffer;
import io.asyncws.runtime.handshake.Extensions;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Negotiates permessage-deflate (RFC 7692 §5, §7.1) in both roles.
 *
 * <p>Server: the first acceptable offer wins; an offer is declined, never answered with an error,
 * when it names an unknown parameter, repeats one, or gives a value the RFC does not allow
 * (declining is always allowed, §5). Every window an offer asks for is honoured: java.util.zip
 * always keeps a 32 KiB window, so a smaller {@code server_max_window_bits} is met by {@link
 * PerMessageDeflate} compressing only messages no longer than the window, with a fresh compressor
 * each, which can never reference further back; {@code client_max_window_bits} is never answered
 * with a limit, since our inflater takes any window.
 *
 * <p>Client: offers {@link #CLIENT_OFFER} and checks the answer; a response that breaks the rules
 * fails the handshake with a reason.
 */
public final class DeflateNegotiation {
  private DeflateNegotiation() {}

  /**
   * What a client offers: permessage-deflate, allowing the server to limit our window (we can
   * comply with any limit, see the class comment).
   */
  public static final String CLIENT_OFFER = NAME + "; " + CLIENT_MAX_WINDOW_BITS;

  /**
   * The parameters a server accepts from a client's offers, in the order offered, or empty when
   * it declines them all (or none is permessage-deflate, or the header was malformed).
   */
  public static Optional<DeflateParameters> accept(Extensions offered) {
    for (ExtensionOffer offer : offered.offers()) {
      if (!offer.name().equalsIgnoreCase(NAME)) continue;
      Optional<DeflateParameters> accepted = acceptOffer(offer);
      if (accepted.isPresent()) return accepted;
    }
    return Optional.empty();
  }

  private static Optional<DeflateParameters> acceptOffer(ExtensionOffer offer) {
    if (offer.hasDuplicateParams()) return Optional.empty();
    boolean serverNoContext = false;
    boolean clientNoContext = false;
    int serverWindow = UNSTATED;
    for (ExtensionOffer.Param param : offer.params()) {
      Optional<String> value = param.value();
      switch (param.name().toLowerCase(Locale.ROOT)) {
        case SERVER_NO_CONTEXT_TAKEOVER -> {
          if (value.isPresent()) return Optional.empty();
          serverNoContext = true;
        }
        case CLIENT_NO_CONTEXT_TAKEOVER -> {
          if (value.isPresent()) return Optional.empty();
          clientNoContext = true;
        }
        case SERVER_MAX_WINDOW_BITS -> {
          // Accepting it means stating it back with the same or a smaller value (§7.1.2.1).
          serverWindow = windowBits(value.orElse(""));
          if (serverWindow == UNSTATED) return Optional.empty();
        }
        case CLIENT_MAX_WINDOW_BITS -> {
          // The client only allows us to limit its window; we need no limit (§7.1.2.2).
          if (value.isPresent() && windowBits(value.get()) == UNSTATED) return Optional.empty();
        }
        default -> {
          return Optional.empty();
        }
      }
    }
    return Optional.of(
        new DeflateParameters(serverNoContext, clientNoContext, serverWindow, UNSTATED));
  }

  /**
   * The parameters a server's response agrees to, or empty when it accepted no
   * permessage-deflate. Only {@link #CLIENT_OFFER} is assumed to have been offered.
   *
   * @throws IllegalArgumentException with a reason when the response breaks RFC 7692 §7.1: an
   *     unknown or repeated parameter, a bad value, or the extension accepted twice
   */
  public static Optional<DeflateParameters> checkResponse(Extensions accepted) {
    List<ExtensionOffer> answers =
        accepted.offers().stream().filter(o -> o.name().equalsIgnoreCase(NAME)).toList();
    if (answers.isEmpty()) return Optional.empty();
    if (answers.size() > 1) throw refused("accepted permessage-deflate more than once");
    ExtensionOffer answer = answers.get(0);
    if (answer.hasDuplicateParams()) throw refused("repeated a parameter in " + answer);
    boolean serverNoContext = false;
    boolean clientNoContext = false;
    int serverWindow = UNSTATED;
    int clientWindow = UNSTATED;
    for (ExtensionOffer.Param param : answer.params()) {
      Optional<String> value = param.value();
      String name = param.name().toLowerCase(Locale.ROOT);
      switch (name) {
        case SERVER_NO_CONTEXT_TAKEOVER, CLIENT_NO_CONTEXT_TAKEOVER -> {
          if (value.isPresent()) throw refused("gave " + name + " a value");
          if (name.equals(SERVER_NO_CONTEXT_TAKEOVER)) {
            serverNoContext = true;
          } else {
            clientNoContext = true;
          }
        }
        case SERVER_MAX_WINDOW_BITS, CLIENT_MAX_WINDOW_BITS -> {
          // Both need a value in a response (§7.1.2.1, §7.1.2.2); we offered the client one.
          int bits = windowBits(value.orElse(""));
          if (bits == UNSTATED) {
            throw refused("gave " + name + " the value '" + value.orElse("") + "', not 8 to 15");
          }
          if (name.equals(SERVER_MAX_WINDOW_BITS)) {
            serverWindow = bits;
          } else {
            clientWindow = bits;
          }
        }
        default -> throw refused("answered with the unknown parameter " + param.name());
      }
    }
    return Optional.of(
        new DeflateParameters(serverNoContext, clientNoContext, serverWindow, clientWindow));
  }

  /**
   * The window bits a value states, or {@link DeflateParameters#UNSTATED} when it is not one of
   * "8" to "15": the ABNF of §7.1.2 allows no sign, no leading zero, nothing else.
   */
  static int windowBits(String value) {
    return switch (value) {
      case "8" -> 8;
      case "9" -> 9;
      case "10" -> 10;
      case "11" -> 11;
      case "12" -> 12;
      case "13" -> 13;
      case "14" -> 14;
      case "15" -> 15;
      default -> UNSTATED;
    };
  }

  private static IllegalArgumentException refused(String what) {
    return new IllegalArgumentException(
        "The server's permessage-deflate response is invalid (RFC 7692 §7.1): it " + what + ".");
  }
}
