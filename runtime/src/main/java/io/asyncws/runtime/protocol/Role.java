package io.asyncws.runtime.protocol;

/** Which end of the connection this is; it decides the masking rules (RFC 6455 §5.1). */
public enum Role {
  /** Masks every frame it sends; fails the connection on a masked frame. */
  CLIENT,
  /** Never masks; fails the connection on an unmasked frame. */
  SERVER;

  /** Whether frames this role sends carry a mask. */
  public boolean masksOutgoing() {
    return this == CLIENT;
  }
}
