package io.asyncws.samples.chat;

import io.asyncws.runtime.CloseEvent;
import io.asyncws.samples.chat.api.ChatEvent;
import io.asyncws.samples.chat.api.ChatRoomsHandler;
import io.asyncws.samples.chat.api.ChatRoomsSession;
import io.asyncws.samples.chat.api.Join;
import io.asyncws.samples.chat.api.Leave;
import io.asyncws.samples.chat.api.ListMembers;
import io.asyncws.samples.chat.api.MemberList;
import io.asyncws.samples.chat.api.Message;
import io.asyncws.samples.chat.api.Typing;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The chat application: what the generated {@code ChatRoomsServer} calls for each event of the
 * contract. A member joins under a name, and from then on every event it sends reaches the whole
 * room stamped with that name, so nobody can speak for someone else.
 *
 * <p>Threading: the generated server calls one session's methods on its event loop, one at a
 * time; sessions of one room may be on different loops, which {@link Room} locks against.
 */
public final class ChatRooms implements ChatRoomsHandler {
  /** Close code for a member that speaks before joining; 4000-4999 are the application's own. */
  static final int CLOSE_NOT_JOINED = 4001;

  private final Map<String, Room> rooms = new ConcurrentHashMap<>();

  @Override
  public void onChatEvent(ChatRoomsSession session, String roomId, ChatEvent event) {
    if (event instanceof Join join) {
      // Joined inside compute: a concurrent last leave cannot drop the room under the joiner.
      Room room = rooms.compute(roomId, (id, existing) -> {
        Room joined = existing == null ? new Room() : existing;
        joined.join(session, join.user());
        return joined;
      });
      room.tellEveryone(join);
      return;
    }
    Room room = rooms.get(roomId);
    String user = room == null ? null : room.nameOf(session);
    if (user == null) {
      // The page always joins first; anything else is a client that skipped the contract's order.
      session.close(CLOSE_NOT_JOINED, "join the room before anything else");
      return;
    }
    // The sender's own "user" field is ignored: the server says who sent what.
    if (event instanceof Message message) {
      room.tellEveryone(new Message(user, message.text()));
    } else if (event instanceof Typing) {
      room.tellEveryone(new Typing(user));
    } else if (event instanceof Leave) {
      leave(session, roomId);
    }
  }

  @Override
  public void onListMembers(ChatRoomsSession session, String roomId, ListMembers request) {
    Room room = rooms.get(roomId);
    session.replyToListMembers(request,
        new MemberList(null, room == null ? List.of() : room.names()));
  }

  @Override
  public void onClose(ChatRoomsSession session, CloseEvent event) {
    leave(session, session.roomId());
  }

  /** Removes the member and tells the others; a room nobody is in is forgotten. */
  private void leave(ChatRoomsSession session, String roomId) {
    Map<Room, String> left = new HashMap<>(1);
    // Left inside computeIfPresent, atomically with a join to the same room (see onChatEvent).
    rooms.computeIfPresent(roomId, (id, room) -> {
      String user = room.leave(session);
      if (user != null) {
        left.put(room, user);
      }
      return room.isEmpty() ? null : room;
    });
    left.forEach((room, user) -> room.tellEveryone(new Leave(user)));
  }
}
