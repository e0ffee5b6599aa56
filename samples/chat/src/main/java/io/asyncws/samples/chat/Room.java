package io.asyncws.samples.chat;

import io.asyncws.samples.chat.api.ChatEvent;
import io.asyncws.samples.chat.api.ChatRoomsSession;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The members of one room, in the order they joined.
 *
 * <p>Thread-safety: sessions of one room may live on different event loops, so every method
 * locks the room; sending only queues, so holding the lock while sending is cheap and keeps
 * every member's view of the room in the same order.
 */
final class Room {
  /** Joined sessions and the names they chose; insertion order is join order. */
  private final Map<ChatRoomsSession, String> members = new LinkedHashMap<>();

  /** Adds {@code session} under {@code name}, or renames it when it joins again. */
  synchronized void join(ChatRoomsSession session, String name) {
    members.put(session, name);
  }

  /**
   * Removes {@code session}.
   *
   * @return the name it had, or null when it never joined
   */
  synchronized String leave(ChatRoomsSession session) {
    return members.remove(session);
  }

  /** The name {@code session} joined under, or null when it has not joined. */
  synchronized String nameOf(ChatRoomsSession session) {
    return members.get(session);
  }

  /** The members' names in join order. */
  synchronized List<String> names() {
    return new ArrayList<>(members.values());
  }

  /** True when nobody is left, so the room can be forgotten. */
  synchronized boolean isEmpty() {
    return members.isEmpty();
  }

  /** Queues {@code event} for every member, the sender included (its page shows its own lines). */
  synchronized void tellEveryone(ChatEvent event) {
    for (ChatRoomsSession member : members.keySet()) {
      member.sendChatEvent(event);
    }
  }
}
