package io.asyncws.runtime.contract;

import java.util.Objects;

/**
 * An incoming message that does not follow the contract. Generated code hands it to the
 * application's error callback together with the raw message and keeps the connection open: one
 * bad message from a peer is the peer's bug, not a reason to drop everything else it sends.
 */
public final class ContractViolation extends Exception {
  private static final long serialVersionUID = 1L;

  /** What is wrong with the message. */
  public enum Kind {
    /** The message is not JSON (or is a binary frame where the contract has JSON text). */
    NOT_JSON,
    /** No message the contract lets the peer send here fits. */
    UNKNOWN,
    /** More than one message fits equally well, so there is no telling which one was meant. */
    AMBIGUOUS,
    /** The message was recognised, but its payload does not fit its schema. */
    INVALID
  }

  private final Kind kind;

  /** A violation of {@code kind}, with a sentence saying what was wrong. */
  public ContractViolation(Kind kind, String message) {
    super(message);
    this.kind = Objects.requireNonNull(kind, "kind");
  }

  /** A violation of {@code kind} caused by a parser or binder error. */
  public ContractViolation(Kind kind, String message, Throwable cause) {
    super(message, cause);
    this.kind = Objects.requireNonNull(kind, "kind");
  }

  /** What is wrong with the message. */
  public Kind kind() {
    return kind;
  }
}
