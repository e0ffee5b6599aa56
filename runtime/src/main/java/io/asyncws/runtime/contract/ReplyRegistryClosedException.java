package io.asyncws.runtime.contract;

/** A request's reply can no longer come: the connection closed while it waited. */
public final class ReplyRegistryClosedException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  /** An exception saying why the connection closed. */
  public ReplyRegistryClosedException(String reason) {
    super("the connection closed before the reply came: " + reason);
  }
}
