package io.asyncws.samples.chat;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.asyncws.runtime.CloseEvent;
import io.asyncws.samples.chat.api.Join;
import io.asyncws.samples.chat.api.Leave;
import io.asyncws.samples.chat.api.ListMembers;
import io.asyncws.samples.chat.api.MemberList;
import io.asyncws.samples.chat.api.Message;
import io.asyncws.samples.chat.api.Typing;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** The chat server with generated Java clients as members, over real sockets. */
@Timeout(30)
class ChatRoomsTest {
  private ChatServer chat;

  @BeforeEach
  void startChat() {
    chat = ChatServer.start("127.0.0.1", 0, 0);
  }

  @AfterEach
  void stopChat() {
    chat.close();
  }

  @Test
  void serverStampsMessagesWithTheSendersNameAndTellsTheWholeRoom() throws Exception {
    Member alice = Member.join(chat.webSocketPort(), "r1", "alice");
    Member bob = Member.join(chat.webSocketPort(), "r1", "bob");
    assertEquals("bob", alice.next(Join.class).user());

    // Alice claims to be mallory: the server says who really sent the line.
    alice.client.sendChatEvent(new Message("mallory", "hi bob"));
    assertEquals(new Message("alice", "hi bob"), bob.next(Message.class));
    assertEquals(new Message("alice", "hi bob"), alice.next(Message.class));

    bob.client.sendChatEvent(new Typing(null));
    assertEquals("bob", alice.next(Typing.class).user());
  }

  @Test
  void memberListReplyCarriesTheRequestIdAndTheMembersInJoinOrder() throws Exception {
    Member alice = Member.join(chat.webSocketPort(), "r1", "alice");
    Member.join(chat.webSocketPort(), "r1", "bob");

    MemberList list = alice.client.listMembers(new ListMembers("q-7"))
        .get(Member.WAIT_SECONDS, TimeUnit.SECONDS);
    assertEquals(new MemberList("q-7", List.of("alice", "bob")), list);

    // Without an id of its own the generated client makes one up and still matches the reply.
    MemberList again = alice.client.listMembers(new ListMembers(null))
        .get(Member.WAIT_SECONDS, TimeUnit.SECONDS);
    assertEquals(List.of("alice", "bob"), again.members());
    assertTrue(again.requestId() != null && !again.requestId().isEmpty(), again.toString());
  }

  @Test
  void roomsDoNotHearEachOther() throws Exception {
    Member alice = Member.join(chat.webSocketPort(), "r1", "alice");
    Member carol = Member.join(chat.webSocketPort(), "r2", "carol");

    carol.client.sendChatEvent(new Message(null, "only r2 hears this"));
    assertEquals("only r2 hears this", carol.next(Message.class).text());
    // One connection's events arrive in order: alice's own line is the next thing she hears.
    alice.client.sendChatEvent(new Message(null, "only r1 hears this"));
    assertEquals("only r1 hears this", alice.next(Message.class).text());
    assertEquals(List.of("alice"), alice.client.listMembers(new ListMembers(null))
        .get(Member.WAIT_SECONDS, TimeUnit.SECONDS).members());
  }

  @Test
  void closingAConnectionTellsTheRoomTheMemberLeft() throws Exception {
    Member alice = Member.join(chat.webSocketPort(), "r1", "alice");
    Member bob = Member.join(chat.webSocketPort(), "r1", "bob");
    alice.next(Join.class);

    bob.client.close();
    assertEquals(new Leave("bob"), alice.next(Leave.class));
    assertEquals(List.of("alice"), alice.client.listMembers(new ListMembers(null))
        .get(Member.WAIT_SECONDS, TimeUnit.SECONDS).members());
  }

  @Test
  void memberThatSpeaksBeforeJoiningIsDisconnectedWith4001() throws Exception {
    Member stranger = Member.connect(chat.webSocketPort(), "r1");

    stranger.client.sendChatEvent(new Message(null, "who am I?"));
    CloseEvent close = stranger.closed.get(Member.WAIT_SECONDS, TimeUnit.SECONDS);
    assertEquals(ChatRooms.CLOSE_NOT_JOINED, close.code());
  }

  @Test
  void pageServerServesThePageAndTellsItTheWebSocketPort() throws Exception {
    HttpClient http = HttpClient.newHttpClient();
    String base = "http://127.0.0.1:" + chat.pagePort();

    HttpResponse<String> page = http.send(HttpRequest.newBuilder(URI.create(base + "/")).build(),
        HttpResponse.BodyHandlers.ofString());
    assertEquals(200, page.statusCode());
    assertEquals("text/html; charset=utf-8", page.headers().firstValue("Content-Type").orElse(""));
    assertTrue(page.body().contains("<script src=\"chat.js\""), page.body());

    HttpResponse<Void> head = http.send(
        HttpRequest.newBuilder(URI.create(base + "/chat.js")).method("HEAD", HttpRequest.BodyPublishers.noBody()).build(),
        HttpResponse.BodyHandlers.discarding());
    assertEquals(200, head.statusCode());
    assertEquals("text/javascript; charset=utf-8", head.headers().firstValue("Content-Type").orElse(""));

    HttpResponse<String> config = http.send(
        HttpRequest.newBuilder(URI.create(base + "/config.json")).build(),
        HttpResponse.BodyHandlers.ofString());
    assertEquals("{\"webSocketPort\":" + chat.webSocketPort() + "}", config.body());

    HttpResponse<String> missing = http.send(
        HttpRequest.newBuilder(URI.create(base + "/../pom.xml")).build(),
        HttpResponse.BodyHandlers.ofString());
    assertEquals(404, missing.statusCode());
  }
}
