package io.asyncws.generator.link;

import io.asyncws.generator.model.Action;
import io.asyncws.generator.model.Channel;
import io.asyncws.generator.model.Message;
import io.asyncws.generator.model.Operation;
import io.asyncws.generator.tree.MappingNode;
import io.asyncws.generator.tree.Node;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Links 2.x channels and their {@code publish}/{@code subscribe} operations. The inversion lives
 * here and only here: {@code publish} is what others publish to the application, so the
 * application receives; {@code subscribe} is what others subscribe to, so it sends.
 */
final class V2Linker {
  private static final String[] KEYWORDS = {"publish", "subscribe"};

  private final LinkContext context;
  private final MessageLinker messages;
  private final ChannelParts parts;
  private final ServerLinker servers;
  private final Names operationIds = new Names();

  V2Linker(LinkContext context, MessageLinker messages, ChannelParts parts, ServerLinker servers) {
    this.context = context;
    this.messages = messages;
    this.parts = parts;
    this.servers = servers;
  }

  /** The application's action for a 2.x operation keyword. */
  static Action actionOf(String keyword) {
    return keyword.equals("publish") ? Action.RECEIVE : Action.SEND;
  }

  /** Links every channel and operation into {@code channels} and {@code operations}. */
  void link(MappingNode root, List<Channel> channels, List<Operation> operations) {
    if (!(LinkContext.raw(root, "channels") instanceof MappingNode channelMap)) return;
    // Declared ids first, so that generated ones never take a declared id.
    channelMap.entries().forEach((address, entry) -> {
      for (String keyword : KEYWORDS) {
        String id = LinkContext.text(context.object(context.object(entry.value()), keyword), "operationId");
        if (id != null && !operationIds.isTaken(id)) operationIds.claim(id);
      }
    });
    channelMap.entries().forEach((address, entry) -> {
      MappingNode item = context.object(entry.value());
      if (item == null) return;
      Map<String, MappingNode> ops = new LinkedHashMap<>();
      Map<String, String> ids = new LinkedHashMap<>();
      Map<String, List<Message>> opMessages = new LinkedHashMap<>();
      Map<String, Message> channelMessages = new LinkedHashMap<>();
      for (String keyword : KEYWORDS) {
        MappingNode op = context.object(item, keyword);
        if (op == null) continue;
        op = context.withTraits(op);
        String id = LinkContext.text(op, "operationId");
        if (id == null) id = operationIds.claim(Names.camel(actionOf(keyword).name().toLowerCase(java.util.Locale.ROOT) + " " + address));
        List<Message> linked = operationMessages(op, id);
        ops.put(keyword, op);
        ids.put(keyword, id);
        opMessages.put(keyword, linked);
        for (Message m : linked) channelMessages.putIfAbsent(m.name(), m);
      }
      Channel channel = new Channel(
          address,
          address,
          LinkContext.text(item, "title"),
          LinkContext.text(item, "summary"),
          LinkContext.text(item, "description"),
          parts.parameters(item, address),
          channelMessages,
          Values.strings(LinkContext.raw(item, "servers")),
          parts.wsBinding(item, address),
          entry.keyLocation());
      channels.add(channel);
      ops.forEach((keyword, op) -> operations.add(new Operation(
          ids.get(keyword),
          actionOf(keyword),
          keyword,
          channel,
          opMessages.get(keyword),
          null,
          LinkContext.text(op, "title"),
          LinkContext.text(op, "summary"),
          LinkContext.text(op, "description"),
          servers.security(LinkContext.raw(op, "security")),
          op.location())));
    });
  }

  /** The operation's {@code message}: one message, a reference, or a {@code oneOf} of them. */
  private List<Message> operationMessages(MappingNode op, String operationId) {
    List<Message> out = new ArrayList<>();
    Node messageNode = LinkContext.raw(op, "message");
    MappingNode resolved = context.object(messageNode);
    if (resolved == null) return out;
    String derived = Names.pascal(operationId) + "Message";
    List<Node> alternatives = LinkContext.items(resolved, "oneOf");
    if (alternatives.isEmpty()) {
      Message m = messages.link(messageNode, null, derived);
      if (m != null) out.add(m);
    }
    for (int i = 0; i < alternatives.size(); i++) {
      Message m = messages.link(alternatives.get(i), null, derived + (i + 1));
      if (m != null) out.add(m);
    }
    return out;
  }
}
