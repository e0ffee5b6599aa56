package io.asyncws.generator.emit.api;

import io.asyncws.generator.model.Action;
import io.asyncws.generator.model.Operation;

/**
 * Which application the document describes. Its operations are that application's actions; the
 * other side of the connection does their mirror image.
 */
public enum Perspective {
  /** The document describes the server (the usual case: a provider documents its API). */
  SERVER,
  /** The document describes a client. */
  CLIENT;

  /** What {@code role} does in {@code operation}: as written when it is the described side. */
  Action actionOf(Role role, Operation operation) {
    boolean described = (this == SERVER) == (role == Role.SERVER);
    return described ? operation.action() : operation.action().mirror();
  }

  /** The two ends of a WebSocket connection. */
  enum Role {
    CLIENT,
    SERVER
  }
}
