package io.asyncws.samples.echogen;

import io.asyncws.samples.echogen.api.Echo;
import io.asyncws.samples.echogen.api.EchoHandler;
import io.asyncws.samples.echogen.api.EchoSession;

/**
 * The whole application: every {@code echo} a client sends goes back to it as a typed message.
 * Messages that break the contract (not JSON, no {@code seq}, binary) take the generated
 * handler's default path: a logged warning, and the connection stays open.
 *
 * <p>Not final, so that tests can watch the invalid messages.
 */
public class EchoBack implements EchoHandler {
  /** Sends {@code message} back on the session it came from. */
  @Override
  public void onEcho(EchoSession session, Echo message) {
    session.sendEcho(message);
  }
}
