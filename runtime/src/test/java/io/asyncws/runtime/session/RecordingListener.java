package io.asyncws.runtime.session;

import io.asyncws.runtime.CloseEvent;
import io.asyncws.runtime.MessageEvent;
import io.asyncws.runtime.WebSocket;
import io.asyncws.runtime.WebSocketListener;
import java.util.ArrayList;
import java.util.List;

/** Records every event, in order, as short strings a test can compare. */
final class RecordingListener implements WebSocketListener {
  final List<String> events = new ArrayList<>();
  CloseEvent closeEvent;

  @Override
  public void onOpen(WebSocket socket) {
    events.add("open");
  }

  @Override
  public void onMessage(WebSocket socket, MessageEvent event) {
    events.add(event.isText() ? "text:" + event.text() : "binary:" + event.binary().remaining());
  }

  @Override
  public void onError(WebSocket socket, Throwable error) {
    events.add("error:" + error.getClass().getSimpleName());
  }

  @Override
  public void onClose(WebSocket socket, CloseEvent event) {
    closeEvent = event;
    events.add("close:" + event.code() + ":" + event.wasClean());
  }
}
