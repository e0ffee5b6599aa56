package io.asyncws.runtime.interop;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * What a sending peer sends and expects echoed: a list of text and binary messages of given
 * sizes, optionally fragmented. Message {@code i} carries {@link Payloads} number {@code i},
 * so every peer, in any language, sends and verifies the same bytes. The same plan is
 * written as a spec such as {@code "t0,b125,t65536"} for the Node and Python peers. A sender
 * sends a message, waits for its echo and verifies it before the next one, and after the last
 * echo closes with 1000 {@value #CLOSE_REASON}.
 *
 * @param messages the messages, in sending order
 * @param fragmentSize the largest frame payload of a fragmented message; 0 sends each
 *     message as one frame
 */
public record MessagePlan(List<Message> messages, int fragmentSize) {
  /** The reason of the 1000 close a sender sends after the last echo, as the script peers do. */
  public static final String CLOSE_REASON = "done";

  private static final Pattern ITEM = Pattern.compile("([tb])(\\d+)");

  /**
   * One message of the plan.
   *
   * @param binary whether it is a binary (else text) message
   * @param size its payload length in bytes (UTF-8 bytes for text)
   */
  public record Message(boolean binary, int size) {
    /** Checks the size. */
    public Message {
      if (size < 0) {
        throw new IllegalArgumentException("Message size must not be negative, was " + size + ".");
      }
    }

    @Override
    public String toString() {
      return (binary ? "b" : "t") + size;
    }
  }

  /** Copies the list and checks the fragment size. */
  public MessagePlan {
    messages = List.copyOf(messages);
    if (fragmentSize < 0) {
      throw new IllegalArgumentException("Fragment size must not be negative, was " + fragmentSize + ".");
    }
  }

  /** Parses a spec such as {@code "t0,b125"}: unfragmented text of 0 bytes, binary of 125. */
  public static MessagePlan parse(String spec) {
    List<Message> messages = new ArrayList<>();
    for (String item : spec.split(",")) {
      Matcher m = ITEM.matcher(item);
      if (!m.matches()) {
        throw new IllegalArgumentException(
            "Bad message spec '" + item + "' in '" + spec + "': expected t<bytes> or b<bytes>.");
      }
      messages.add(new Message(m.group(1).equals("b"), Integer.parseInt(m.group(2))));
    }
    return new MessagePlan(messages, 0);
  }

  /** A text and a binary message of each size, in the given order, unfragmented. */
  public static MessagePlan textAndBinary(int... sizes) {
    return new MessagePlan(
        Arrays.stream(sizes)
            .boxed()
            .flatMap(size -> List.of(new Message(false, size), new Message(true, size)).stream())
            .collect(Collectors.toList()),
        0);
  }

  /** This plan with every message sent in frames of at most {@code bytes} payload bytes. */
  public MessagePlan fragmentedBy(int bytes) {
    return new MessagePlan(messages, bytes);
  }

  /** The spec the Node and Python peers take, e.g. {@code "t0,b125"}. */
  public String spec() {
    return messages.stream().map(Message::toString).collect(Collectors.joining(","));
  }

  /** Command-line arguments for a script peer: the spec, then the fragment size. */
  public List<String> scriptArgs() {
    return List.of(spec(), "--fragment", Integer.toString(fragmentSize));
  }

  /** The payload of message {@code index}: its bytes on the wire (UTF-8 for text). */
  public byte[] payload(int index) {
    Message m = messages.get(index);
    return m.binary() ? Payloads.binary(index, m.size()) : Payloads.text(index, m.size());
  }

  /** The frame payloads message {@code index} is sent as: one, or fragments per {@link Payloads#fragments}. */
  public List<byte[]> frames(int index) {
    byte[] payload = payload(index);
    return fragmentSize == 0
        ? List.of(payload)
        : Payloads.fragments(payload, messages.get(index).binary(), fragmentSize);
  }

  /**
   * Compares a received echo with message {@code index}.
   *
   * @return empty if type and bytes match, else a sentence saying how they differ
   */
  public Optional<String> mismatch(int index, boolean binary, byte[] echo) {
    Message m = messages.get(index);
    String what = "Echo of message " + index + " (" + m + ")";
    if (binary != m.binary()) {
      return Optional.of(what + " came back as " + (binary ? "binary" : "text") + ".");
    }
    byte[] expected = payload(index);
    int at = Arrays.mismatch(expected, echo);
    if (at >= 0) {
      return Optional.of(what + " has " + echo.length + " bytes, first difference at byte " + at + ".");
    }
    return Optional.empty();
  }

  @Override
  public String toString() {
    return spec() + (fragmentSize == 0 ? "" : " in fragments of " + fragmentSize + " bytes");
  }
}
