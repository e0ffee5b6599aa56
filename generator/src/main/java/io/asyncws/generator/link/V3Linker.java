package io.asyncws.generator.link;

import io.asyncws.generator.model.Action;
import io.asyncws.generator.model.Channel;
import io.asyncws.generator.model.Message;
import io.asyncws.generator.model.Operation;
import io.asyncws.generator.model.Reply;
import io.asyncws.generator.tree.MappingNode;
import io.asyncws.generator.tree.Node;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Links 3.0/3.1 channels, operations and replies. Operations reference channels and messages by
 * {@code $ref}; a reference is matched to the linked channel by the identity of the node it
 * leads to.
 */
final class V3Linker {
  private final LinkContext context;
  private final MessageLinker messages;
  private final ChannelParts parts;
  private final ServerLinker servers;
  private final Map<Node, Channel> channelsByTarget = new IdentityHashMap<>();

  V3Linker(LinkContext context, MessageLinker messages, ChannelParts parts, ServerLinker servers) {
    this.context = context;
    this.messages = messages;
    this.parts = parts;
    this.servers = servers;
  }

  /** Links every channel and operation into {@code channels} and {@code operations}. */
  void link(MappingNode root, List<Channel> channels, List<Operation> operations) {
    if (LinkContext.raw(root, "channels") instanceof MappingNode channelMap) {
      channelMap.entries().forEach((id, entry) -> {
        MappingNode c = context.object(entry.value());
        if (c == null) return;
        Channel channel = channel(id, c, entry);
        channelsByTarget.put(c, channel);
        channels.add(channel);
      });
    }
    if (LinkContext.raw(root, "operations") instanceof MappingNode operationMap) {
      operationMap.entries().forEach((id, entry) -> {
        MappingNode op = context.object(entry.value());
        if (op != null) {
          Operation operation = operation(id, context.withTraits(op));
          if (operation != null) operations.add(operation);
        }
      });
    }
  }

  private Channel channel(String id, MappingNode c, MappingNode.Entry entry) {
    Map<String, Message> channelMessages = new LinkedHashMap<>();
    MappingNode messageMap = context.object(c, "messages");
    if (messageMap != null) {
      messageMap.entries().forEach((key, e) -> {
        Message m = messages.link(e.value(), key, Names.pascal(id) + Names.pascal(key));
        if (m != null) channelMessages.put(key, m);
      });
    }
    List<String> serverNames = new ArrayList<>();
    for (Node server : LinkContext.items(c, "servers")) {
      String name = servers.serverName(server);
      if (name != null) {
        serverNames.add(name);
      } else if (context.resolve(server) != null) {
        context.diagnostics.error(server.location(),
            "Channel '" + id + "' references a server that is not in the root 'servers' map.",
            "point the $ref at '#/servers/<name>'");
      }
    }
    return new Channel(
        id,
        LinkContext.text(c, "address"),
        LinkContext.text(c, "title"),
        LinkContext.text(c, "summary"),
        LinkContext.text(c, "description"),
        parts.parameters(c, id),
        channelMessages,
        serverNames,
        parts.wsBinding(c, id),
        entry.keyLocation());
  }

  private Operation operation(String id, MappingNode op) {
    String actionText = LinkContext.text(op, "action");
    if (actionText == null) return null;
    Action action;
    try {
      action = Action.valueOf(actionText.toUpperCase(Locale.ROOT));
    } catch (IllegalArgumentException notAnAction) {
      return null; // the structure validator reports values other than send/receive
    }
    Node channelRef = LinkContext.raw(op, "channel");
    Channel channel = channelOf(channelRef, "Operation '" + id + "'");
    if (channel == null) return null;
    return new Operation(
        id,
        action,
        actionText,
        channel,
        messagesOf(op, channel, Names.pascal(id)),
        reply(context.object(op, "reply"), id),
        LinkContext.text(op, "title"),
        LinkContext.text(op, "summary"),
        LinkContext.text(op, "description"),
        servers.security(LinkContext.raw(op, "security")),
        op.location());
  }

  /** The root channel a reference leads to; an error when it leads elsewhere. */
  private Channel channelOf(Node ref, String owner) {
    if (ref == null) return null;
    Node target = context.resolve(ref);
    if (target == null) return null; // dangling: the resolver has reported it
    Channel channel = channelsByTarget.get(target);
    if (channel == null) {
      context.diagnostics.error(
          ref.location(),
          owner + " references a channel that is not in the root 'channels' map.",
          "point the $ref at '#/channels/<name>'");
    }
    return channel;
  }

  /** An operation's or reply's {@code messages}; none listed means every message of the channel. */
  private List<Message> messagesOf(MappingNode owner, Channel channel, String derivedBase) {
    if (owner.get("messages").isEmpty()) {
      return channel == null ? List.of() : List.copyOf(channel.messages().values());
    }
    List<Message> out = new ArrayList<>();
    List<Node> items = LinkContext.items(owner, "messages");
    for (int i = 0; i < items.size(); i++) {
      Message m = messages.link(items.get(i), null, derivedBase + "Message" + (i + 1));
      if (m != null) out.add(m);
    }
    return out;
  }

  private Reply reply(MappingNode reply, String operationId) {
    if (reply == null) return null;
    Node channelRef = LinkContext.raw(reply, "channel");
    Channel channel = channelRef == null ? null : channelOf(channelRef, "The reply of operation '" + operationId + "'");
    MappingNode address = context.object(reply, "address");
    return new Reply(
        channel,
        messagesOf(reply, channel, Names.pascal(operationId) + "Reply"),
        LinkContext.text(address, "location"),
        LinkContext.text(address, "description"),
        reply.location());
  }
}
