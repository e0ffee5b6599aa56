package io.asyncws.generator.validate.semantic;

import io.asyncws.generator.diagnostic.Diagnostics;
import io.asyncws.generator.model.ApiModel;
import io.asyncws.generator.model.Channel;
import io.asyncws.generator.model.Message;
import io.asyncws.generator.model.Operation;
import io.asyncws.generator.model.Parameter;
import io.asyncws.generator.model.Reply;
import io.asyncws.generator.model.Server;
import io.asyncws.generator.model.ServerVariable;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Checks what a JSON Schema of the spec cannot: that the parts of a linked document agree with
 * each other. Runs on the model, so 2.x and 3.x get the same checks. Dangling references are the
 * resolver's report; operations pointing outside the root channels are the linker's; the syntax
 * of runtime expressions (correlationId, parameter and reply address locations) is a pattern in
 * the spec's JSON Schema, so the structure phase reports it and it is not repeated here.
 */
public final class SemanticValidator {
  private static final Pattern PLACEHOLDER = Pattern.compile("\\{([^{}]*)}");

  private final Diagnostics diagnostics;

  private SemanticValidator(Diagnostics diagnostics) {
    this.diagnostics = diagnostics;
  }

  /** Reports every inconsistency of {@code model} to {@code diagnostics}. */
  public static void validate(ApiModel model, Diagnostics diagnostics) {
    SemanticValidator v = new SemanticValidator(diagnostics);
    model.servers().forEach(v::checkServer);
    model.channels().forEach(v::checkChannelParameters);
    model.channels().forEach(c -> v.checkChannelServers(c, model));
    model.operations().forEach(v::checkOperation);
    v.checkUniqueOperationIds(model.operations());
    v.checkUniqueMessageIds(model);
  }

  private void checkServer(Server server) {
    Set<String> used = new LinkedHashSet<>();
    String where = server.url() != null ? "url" : "host and pathname";
    if (server.url() != null) used.addAll(placeholders(server.url()));
    if (server.host() != null) used.addAll(placeholders(server.host()));
    if (server.pathname() != null) used.addAll(placeholders(server.pathname()));
    for (String name : used) {
      if (server.variable(name).isEmpty()) {
        diagnostics.error(server.location(),
            "Server '" + server.name() + "' uses variable '{" + name + "}' in its " + where
                + " but does not declare it under 'variables'.",
            "add '" + name + "' to the server's variables, with a default");
      }
    }
    for (ServerVariable variable : server.variables()) {
      if (!used.contains(variable.name())) {
        diagnostics.warning(variable.location(),
            "Server variable '" + variable.name() + "' is not used in the " + where + " of server '"
                + server.name() + "'.",
            "use it as '{" + variable.name() + "}' or remove it");
      }
      if (variable.defaultValue() != null && !variable.enumValues().isEmpty()
          && !variable.enumValues().contains(variable.defaultValue())) {
        diagnostics.error(variable.location(),
            "The default '" + variable.defaultValue() + "' of server variable '" + variable.name()
                + "' is not one of its enum values " + variable.enumValues() + ".");
      }
    }
  }

  private void checkChannelParameters(Channel channel) {
    if (channel.address() == null) return;
    List<String> used = placeholders(channel.address());
    for (String name : used) {
      if (channel.parameter(name).isEmpty()) {
        diagnostics.error(channel.location(),
            "Channel '" + channel.id() + "' has the parameter '{" + name + "}' in its address but no '"
                + name + "' under 'parameters'.",
            "declare it under the channel's parameters");
      }
    }
    for (Parameter parameter : channel.parameters()) {
      if (!used.contains(parameter.name())) {
        // A warning, not an error: the reference parser's own test documents declare such
        // parameters, and nothing breaks except an unused argument.
        diagnostics.warning(parameter.location(),
            "Parameter '" + parameter.name() + "' of channel '" + channel.id()
                + "' does not appear in the address '" + channel.address() + "'.",
            "use it as '{" + parameter.name() + "}' in the address or remove it");
      }
    }
  }

  /** 2.x channels name their servers; 3.x references are checked while linking. */
  private void checkChannelServers(Channel channel, ApiModel model) {
    for (String name : channel.serverNames()) {
      if (model.server(name).isEmpty()) {
        diagnostics.error(channel.location(),
            "Channel '" + channel.id() + "' is limited to server '" + name + "', which is not declared under 'servers'.",
            model.servers().isEmpty() ? "declare the server under 'servers'"
                : "declared servers: " + String.join(", ", model.servers().stream().map(Server::name).toList()));
      }
    }
  }

  private void checkOperation(Operation op) {
    // 2.x operations own their messages; only 3.x ones can name messages outside their channel.
    boolean v3 = !op.documentKeyword().equals("publish") && !op.documentKeyword().equals("subscribe");
    if (v3) requireMessagesOf(op.channel(), op.messages(), op, "operation '" + op.id() + "'");
    Reply reply = op.reply();
    if (reply == null) return;
    if (reply.channel() != null) {
      requireMessagesOf(reply.channel(), reply.messages(), op, "the reply of operation '" + op.id() + "'");
      if (reply.addressLocation() != null && reply.channel().address() != null) {
        // The spec says MUST, yet its own Adeo example does this; the runtime address wins.
        diagnostics.warning(reply.location(),
            "The reply of operation '" + op.id() + "' gives an address, but its channel '"
                + reply.channel().id() + "' has a fixed address '" + reply.channel().address() + "'.",
            "set the reply channel's address to null, or remove the reply's address");
      }
    } else if (reply.addressLocation() == null && reply.messages().isEmpty()) {
      diagnostics.warning(reply.location(),
          "The reply of operation '" + op.id() + "' has neither a channel, an address nor messages.");
    }
  }

  private void requireMessagesOf(Channel channel, List<Message> messages, Operation op, String owner) {
    Set<Message> ofChannel = Collections.newSetFromMap(new IdentityHashMap<>());
    ofChannel.addAll(channel.messages().values());
    for (Message m : messages) {
      if (!ofChannel.contains(m)) {
        diagnostics.error(op.location(),
            "Message '" + m.name() + "' of " + owner + " is not a message of channel '" + channel.id() + "'.",
            "reference it as '#/channels/" + channel.id() + "/messages/<name>' after adding it to the channel");
      }
    }
  }

  private void checkUniqueOperationIds(List<Operation> operations) {
    Map<String, Operation> seen = new HashMap<>();
    for (Operation op : operations) {
      Operation first = seen.putIfAbsent(op.id(), op);
      if (first != null) {
        diagnostics.error(op.location(),
            "Operation id '" + op.id() + "' is already used by the operation at " + first.location() + ".",
            "operation ids must be unique in the document");
      }
    }
  }

  private void checkUniqueMessageIds(ApiModel model) {
    Map<String, Message> seen = new HashMap<>();
    for (Message m : allMessages(model)) {
      if (m.messageId() == null) continue;
      Message first = seen.putIfAbsent(m.messageId(), m);
      if (first != null) {
        diagnostics.error(m.location(),
            "Message id '" + m.messageId() + "' is already used by the message at " + first.location() + ".",
            "message ids must be unique in the document");
      }
    }
  }

  /** Every distinct message of the model, in a stable order. */
  private static List<Message> allMessages(ApiModel model) {
    Set<Message> seen = Collections.newSetFromMap(new IdentityHashMap<>());
    List<Message> out = new ArrayList<>();
    for (Channel c : model.channels()) for (Message m : c.messages().values()) if (seen.add(m)) out.add(m);
    for (Operation o : model.operations()) {
      for (Message m : o.messages()) if (seen.add(m)) out.add(m);
      if (o.reply() != null) for (Message m : o.reply().messages()) if (seen.add(m)) out.add(m);
    }
    return out;
  }

  private static List<String> placeholders(String template) {
    List<String> out = new ArrayList<>();
    Matcher m = PLACEHOLDER.matcher(template);
    while (m.find()) out.add(m.group(1));
    return out;
  }
}
