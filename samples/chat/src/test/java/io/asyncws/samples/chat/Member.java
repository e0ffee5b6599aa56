package io.asyncws.samples.chat;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.asyncws.runtime.CloseEvent;
import io.asyncws.runtime.contract.ClientOptions;
import io.asyncws.samples.chat.api.ChatEvent;
import io.asyncws.samples.chat.api.ChatRoomsClient;
import io.asyncws.samples.chat.api.ChatRoomsClientListener;
import io.asyncws.samples.chat.api.Join;
import java.net.URI;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.BiConsumer;

/**
 * A chat member in a test: a generated {@link ChatRoomsClient} whose listener queues what the
 * room says, so a test reads events in the order the server sent them.
 */
final class Member implements ChatRoomsClientListener {
  /** 10 s: the server answers in milliseconds; this only bounds a broken test. */
  static final long WAIT_SECONDS = 10;

  final BlockingQueue<ChatEvent> events = new LinkedBlockingQueue<>();
  final CompletableFuture<CloseEvent> closed = new CompletableFuture<>();
  /** What the member does when it hears an event, besides queuing it; runs on the event loop. */
  private final BiConsumer<Member, ChatEvent> reaction;
  ChatRoomsClient client;

  private Member(BiConsumer<Member, ChatEvent> reaction) {
    this.reaction = reaction;
  }

  /** Connects to {@code room} without joining. */
  static Member connect(int webSocketPort, String room) throws Exception {
    return connect(webSocketPort, room, (member, event) -> { });
  }

  /** Connects to {@code room} without joining; {@code reaction} hears every event as it comes. */
  static Member connect(int webSocketPort, String room, BiConsumer<Member, ChatEvent> reaction)
      throws Exception {
    Member member = new Member(reaction);
    member.client = ChatRoomsClient.connect(URI.create("ws://127.0.0.1:" + webSocketPort), room,
        member, ClientOptions.defaults()).get(WAIT_SECONDS, TimeUnit.SECONDS);
    return member;
  }

  /** Connects to {@code room}, joins as {@code name} and waits for the room to confirm it. */
  static Member join(int webSocketPort, String room, String name) throws Exception {
    Member member = connect(webSocketPort, room);
    assertTrue(member.client.sendChatEvent(new Join(name)));
    Join echo = member.next(Join.class);
    assertEquals(name, echo.user(), "the room confirms the join");
    return member;
  }

  /** The next event, which must be a {@code type}. */
  <T extends ChatEvent> T next(Class<T> type) throws InterruptedException {
    ChatEvent event = events.poll(WAIT_SECONDS, TimeUnit.SECONDS);
    assertNotNull(event, "no " + type.getSimpleName() + " within " + WAIT_SECONDS + " s");
    assertTrue(type.isInstance(event), "expected a " + type.getSimpleName() + ", got " + event);
    return type.cast(event);
  }

  @Override
  public void onChatEvent(ChatEvent event) {
    events.add(event);
    reaction.accept(this, event);
  }

  @Override
  public void onClose(CloseEvent event) {
    closed.complete(event);
  }
}
