package com.example.rooms;

import io.asyncws.runtime.CloseEvent;
import io.asyncws.runtime.WebSocketConfig;
import io.asyncws.runtime.contract.ClientOptions;
import io.asyncws.runtime.contract.ContractViolation;
import java.net.InetSocketAddress;
import java.net.URI;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletionException;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Generated client against generated server over real sockets: channel parameters, server pushes,
 * dispatch among several messages by their const field, request/reply, broadcast to one room,
 * security, 404, and malformed messages in both directions. Compiled with the generated code by
 * the test, so it also shows the generated API used as a person would use it.
 */
public final class RoomsScenario implements Callable<String> {
  private static final long WAIT_SECONDS = 5;

  /** What the server saw, in order. */
  private final BlockingQueue<Object> serverSaw = new LinkedBlockingQueue<>();
  private final AtomicReference<ChatRoomsServer> serverRef = new AtomicReference<>();

  private final class Rooms implements ChatRoomsRoomsHandler {
    @Override
    public boolean authenticate(io.asyncws.runtime.HandshakeRequest request, String roomToken) {
      return "secret".equals(roomToken);
    }

    @Override
    public void onOpen(ChatRoomsRoomsSession session) {
      session.sendMemberJoined(new MemberJoined("you"));
    }

    @Override
    public void onSay(ChatRoomsRoomsSession session, String roomId, Say message) {
      serverSaw.add(message);
      if (message.text().equals("send garbage")) {
        session.socket().send("this is not JSON");
        return;
      }
      serverRef.get().broadcastMessageSaid(roomId, new MessageSaid("alice", message.text()));
    }

    @Override
    public void onWho(ChatRoomsRoomsSession session, String roomId, Who message) {
      session.replyToWho(message, new Members(null, List.of(roomId, session.roomId())));
    }

    @Override
    public void onInvalidMessage(ChatRoomsRoomsSession session, String raw, ContractViolation error) {
      serverSaw.add(error.kind());
    }
  }

  /** A client listener that queues what it hears. */
  private static final class Heard implements ChatRoomsRoomsClientListener {
    final BlockingQueue<Object> events = new LinkedBlockingQueue<>();

    @Override
    public void onMemberJoined(MemberJoined message) {
      events.add(message);
    }

    @Override
    public void onMessageSaid(MessageSaid message) {
      events.add(message);
    }

    @Override
    public void onMembers(Members message) {
      events.add(message);
    }

    @Override
    public void onInvalidMessage(String raw, ContractViolation error) {
      events.add(error.kind());
    }

    @Override
    public void onClose(CloseEvent event) {
      events.add(event);
    }

    Object next() throws InterruptedException {
      Object event = events.poll(WAIT_SECONDS, TimeUnit.SECONDS);
      check(event != null, "nothing heard in time");
      return event;
    }
  }

  @Override
  public String call() throws Exception {
    java.util.concurrent.CountDownLatch lobbyOpened = new java.util.concurrent.CountDownLatch(1);
    ChatRoomsLobbyHandler lobby = new ChatRoomsLobbyHandler() {
      @Override
      public boolean authenticate(io.asyncws.runtime.HandshakeRequest request, String roomToken) {
        return true;
      }

      @Override
      public void onOpen(ChatRoomsLobbySession session) {
        lobbyOpened.countDown();
      }
    };
    ClientOptions options = ClientOptions.defaults().withRequestTimeout(java.time.Duration.ofSeconds(WAIT_SECONDS));
    try (ChatRoomsServer server = ChatRoomsServer.start(
        new InetSocketAddress("127.0.0.1", 0), WebSocketConfig.defaults(), new Rooms(), lobby)) {
      serverRef.set(server);
      String port = Integer.toString(server.port());
      URI base = URI.create("ws://127.0.0.1:" + port);

      // By server name, with the typed server variable; the room id needs percent-encoding.
      Heard alice = new Heard();
      ChatRoomsRoomsClient a =
          ChatRoomsRoomsClient.connectToLocal(port, "a b+é", "secret", alice, options).join();
      check(alice.next() instanceof MemberJoined joined && joined.member().equals("you"), "pushed on open");

      Heard bob = new Heard();
      ChatRoomsRoomsClient b = ChatRoomsRoomsClient.connect(base, "other", "secret", bob, options).join();
      check(bob.next() instanceof MemberJoined, "bob pushed on open");

      // Request/reply: the client fills in a fresh reqid, the server's reply copies it.
      Members members = a.who(new Who(null)).get(WAIT_SECONDS, TimeUnit.SECONDS);
      check(members.members().equals(List.of("a b+é", "a b+é")), "room id decoded: " + members);
      check(members.reqid() != null, "reply carries the request's id");
      Members own = a.who(new Who("mine")).get(WAIT_SECONDS, TimeUnit.SECONDS);
      check("mine".equals(own.reqid()), "caller's own id kept: " + own);

      // Broadcast reaches the room, not the other room.
      check(a.sendSay(new Say("hello")), "queued");
      check(serverSaw.poll(WAIT_SECONDS, TimeUnit.SECONDS) instanceof Say, "server got say");
      check(alice.next() instanceof MessageSaid said && said.text().equals("hello"), "alice hears the room");
      check(b.who(new Who(null)).get(WAIT_SECONDS, TimeUnit.SECONDS).members().get(0).equals("other"), "bob");
      check(bob.events.isEmpty(), "bob heard nothing of room a: " + bob.events);

      // Malformed messages from the client reach the server's error callback; the session stays up.
      a.socket().send("not json");
      check(serverSaw.poll(WAIT_SECONDS, TimeUnit.SECONDS) == ContractViolation.Kind.NOT_JSON, "not json");
      a.socket().send("{\"event\":\"dance\"}");
      check(serverSaw.poll(WAIT_SECONDS, TimeUnit.SECONDS) == ContractViolation.Kind.UNKNOWN, "unknown");
      a.socket().send("{\"event\":\"say\",\"text\":{\"nested\":true}}");
      check(serverSaw.poll(WAIT_SECONDS, TimeUnit.SECONDS) == ContractViolation.Kind.INVALID, "invalid");
      // ... and from the server, the client's.
      a.sendSay(new Say("send garbage"));
      check(serverSaw.poll(WAIT_SECONDS, TimeUnit.SECONDS) instanceof Say, "server got say");
      check(alice.next() == ContractViolation.Kind.NOT_JSON, "client error callback");
      check(a.who(new Who(null)).get(WAIT_SECONDS, TimeUnit.SECONDS) != null, "still up after bad messages");

      // Security and routing.
      check(failsToConnect(ChatRoomsRoomsClient.connect(base, "a", "wrong", new Heard(), options)), "401");
      check(failsToConnect(ChatRoomsLobbyClient.connect(base.resolve("/nowhere"), null,
          new ChatRoomsLobbyClientListener() {}, options)), "404");

      // The lobby is a second endpoint of the same server.
      BlockingQueue<Announcement> announcements = new LinkedBlockingQueue<>();
      ChatRoomsLobbyClient l = ChatRoomsLobbyClient.connect(base, null, new ChatRoomsLobbyClientListener() {
        @Override
        public void onAnnouncement(Announcement message) {
          announcements.add(message);
        }
      }, options).join();
      // The client may see the 101 before the server has run onOpen: wait for the server's side.
      check(lobbyOpened.await(WAIT_SECONDS, TimeUnit.SECONDS), "lobby session opened");
      check(server.broadcastAnnouncement(new Announcement("closing soon")) == 1, "one lobby session");
      Announcement heard = announcements.poll(WAIT_SECONDS, TimeUnit.SECONDS);
      check(heard != null && heard.text().equals("closing soon"), "lobby announcement");
      check(server.roomsSessions().size() == 2, "two room sessions");

      a.close();
      check(alice.next() instanceof CloseEvent close && close.code() == 1000, "closed cleanly");
      b.close();
      l.close();
    }
    return "ok";
  }

  private static boolean failsToConnect(java.util.concurrent.CompletableFuture<?> connecting) {
    try {
      connecting.join();
      return false;
    } catch (CompletionException expected) {
      return true;
    }
  }

  private static void check(boolean condition, String what) {
    if (!condition) throw new AssertionError(what);
  }
}
