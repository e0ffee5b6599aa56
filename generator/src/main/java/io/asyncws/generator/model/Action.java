package io.asyncws.generator.model;

/**
 * What the application described by the document does in an operation.
 *
 * <p>3.x says it directly ({@code action: send|receive}). A 2.x document's {@code publish}
 * describes what <em>others</em> may publish to the application, so the application
 * {@link #RECEIVE}s; its {@code subscribe} describes what others may subscribe to, so the
 * application {@link #SEND}s.
 */
public enum Action {
  SEND,
  RECEIVE;

  /** The other side's action: what a peer of the described application does. */
  public Action mirror() {
    return this == SEND ? RECEIVE : SEND;
  }
}
