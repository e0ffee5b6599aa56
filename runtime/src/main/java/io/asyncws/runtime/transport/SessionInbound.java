package io.asyncws.runtime.transport;

import io.asyncws.runtime.session.WebSocketSession;
import java.io.IOException;
import java.nio.ByteBuffer;

/** Feeds an open connection's bytes and events to its {@link WebSocketSession}. */
record SessionInbound(WebSocketSession session) implements Inbound {
  @Override
  public void onData(ByteBuffer bytes) {
    session.onData(bytes);
  }

  @Override
  public void onEndOfStream() {
    session.onEndOfStream();
  }

  @Override
  public void onIoError(IOException error) {
    session.onIoError(error);
  }

  @Override
  public void onClosed() {
    session.onTransportClosed();
  }
}
