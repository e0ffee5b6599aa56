package io.asyncws.runtime.transport;

/**
 * Reacts to the readiness of one registered channel. Attached to its selection key; called only
 * on the owning event-loop thread.
 */
interface IoHandler {
  /** The channel finished connecting, or failed to. */
  default void onConnectable() {}

  /** The channel has bytes to read, or reached end of stream. */
  void onReadable();

  /** The channel can take more bytes. */
  void onWritable();

  /**
   * Release the channel at once: the event loop is shutting down, or handling this channel threw
   * an unexpected exception.
   */
  void abort();
}
