package io.asyncws.samples.chat;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.asyncws.samples.chat.api.ChatEvent;
import io.asyncws.samples.chat.api.Join;
import io.asyncws.samples.chat.api.ListMembers;
import io.asyncws.samples.chat.api.MemberList;
import io.asyncws.samples.chat.api.Message;
import io.asyncws.samples.chat.api.Typing;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * End to end through a real browser: the sample serves its page, two headless Chromium pages
 * (driven by {@code src/test/browser/chat.spec.mjs} with playwright-core) chat through the Java
 * server, and a generated Java client sits in the same room, answers, and asks for the members.
 */
@Tag("browser")
class ChatBrowserTest {
  private static final Path CHROMIUM = Path.of(System.getProperty("asyncws.chromium", "/usr/bin/chromium"));
  /** 100 s: Chromium's first start on a cold CI machine takes seconds; the chat itself is quick. */
  private static final Duration SCRIPT_TIMEOUT = Duration.ofSeconds(100);

  @Test
  @Timeout(150)
  void twoBrowserPagesAndAGeneratedClientChatThroughTheServer() throws Exception {
    Path root = NodeScript.repositoryRoot();
    Path peers = root.resolve("peers");
    NodeScript.require(Files.isExecutable(CHROMIUM), "Chromium at " + CHROMIUM + " (apt-get install chromium)");
    NodeScript.require(Files.isDirectory(peers.resolve("node_modules/playwright-core")),
        "playwright-core in " + peers + "/node_modules (npm ci --prefix peers)");

    try (ChatServer chat = ChatServer.start("127.0.0.1", 0, 0)) {
      CompletableFuture<MemberList> membersSeenByJava = new CompletableFuture<>();
      Member java = Member.connect(chat.webSocketPort(), "lobby", (member, event) -> {
        if (event instanceof Message message && message.user().equals("bob")
            && message.text().equals("hi alice")) {
          member.client.sendChatEvent(new Message(null, "hello from java"));
          member.client.listMembers(new ListMembers(null)).whenComplete((list, error) -> {
            if (error != null) {
              membersSeenByJava.completeExceptionally(error);
            } else {
              membersSeenByJava.complete(list);
            }
          });
        }
      });
      java.client.sendChatEvent(new Join("java"));
      assertEquals("java", java.next(Join.class).user());

      NodeScript.Result result = NodeScript.run(
          root.resolve("samples/chat/src/test/browser/chat.spec.mjs"),
          List.of("--url", "http://127.0.0.1:" + chat.pagePort() + "/",
              "--peers", peers.toString(), "--chromium", CHROMIUM.toString()),
          root.resolve("samples/chat/target/chat-browser.log"), SCRIPT_TIMEOUT);

      assertEquals(0, result.exitCode(), "chat.spec.mjs failed:\n" + result.output());
      assertTrue(result.output().contains("chat.spec: ok"), result.output());
      // What the Java member heard from the browsers, in the room's order.
      assertEquals("alice", java.next(Join.class).user());
      assertEquals("bob", java.next(Join.class).user());
      assertEquals(new Message("alice", "hi bob"), nextMessage(java));
      assertEquals(new Message("bob", "hi alice"), nextMessage(java));
      assertEquals(new Message("java", "hello from java"), nextMessage(java));
      assertEquals(List.of("java", "alice", "bob"),
          membersSeenByJava.get(Member.WAIT_SECONDS, TimeUnit.SECONDS).members());
    }
  }

  /** The next line of text, skipping the typing events that come between. */
  private static Message nextMessage(Member member) throws InterruptedException {
    while (true) {
      ChatEvent event = member.events.poll(Member.WAIT_SECONDS, TimeUnit.SECONDS);
      assertTrue(event != null, "no message within " + Member.WAIT_SECONDS + " s");
      if (event instanceof Message message) {
        return message;
      }
      assertTrue(event instanceof Typing, "expected a message, got " + event);
    }
  }
}
