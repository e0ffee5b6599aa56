package io.asyncws.samples.echo;

import io.asyncws.runtime.MessageEvent;
import io.asyncws.runtime.WebSocket;
import io.asyncws.runtime.WebSocketListener;

/** Sends every message back as it came: text as text, binary as binary. */
class EchoListener implements WebSocketListener {
  @Override
  public void onMessage(WebSocket socket, MessageEvent event) {
    if (event.isText()) {
      socket.send(event.text());
    } else {
      socket.send(event.binary());
    }
  }
}
