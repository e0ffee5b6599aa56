package io.asyncws.generator.link;

import io.asyncws.generator.model.CorrelationId;
import io.asyncws.generator.model.Message;
import io.asyncws.generator.model.MessageExample;
import io.asyncws.generator.model.SchemaRef;
import io.asyncws.generator.tree.MappingNode;
import io.asyncws.generator.tree.Node;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Links Message Objects: traits applied, schemas linked, one {@link Message} per message
 * definition however many channels and operations reference it.
 */
final class MessageLinker {
  private final LinkContext context;
  private final SchemaLinker schemas;
  private final String defaultContentType;
  private final Names names = new Names();
  private final Map<Node, Message> byTarget = new IdentityHashMap<>();

  MessageLinker(LinkContext context, SchemaLinker schemas, String defaultContentType) {
    this.context = context;
    this.schemas = schemas;
    this.defaultContentType = defaultContentType;
  }

  /**
   * Links the message at {@code node} (a message or a reference to one), or returns the one
   * already linked for the same definition; null when the reference dangles.
   *
   * @param key the message's key in a channel or in components, or null
   * @param derivedName the name to use when the message has no key, name or messageId
   */
  Message link(Node node, String key, String derivedName) {
    MappingNode target = context.object(node);
    if (target == null) return null;
    Message known = byTarget.get(target);
    if (known != null) return known;
    MappingNode m = context.withTraits(target);
    String wanted = firstNonNull(key, Pointers.componentName(node, "messages"),
        LinkContext.text(m, "name"), LinkContext.text(m, "messageId"), derivedName);
    String name = names.claim(wanted);
    String contentType = firstNonNull(LinkContext.text(m, "contentType"), defaultContentType);
    String schemaFormat = LinkContext.text(m, "schemaFormat");
    Message message = new Message(
        name,
        LinkContext.text(m, "messageId"),
        LinkContext.text(m, "title"),
        LinkContext.text(m, "summary"),
        LinkContext.text(m, "description"),
        contentType,
        payload(LinkContext.raw(m, "payload"), Names.pascal(name) + "Payload", schemaFormat),
        payload(LinkContext.raw(m, "headers"), Names.pascal(name) + "Headers", null),
        correlationId(context.object(m, "correlationId")),
        examples(m),
        target.location());
    byTarget.put(target, message);
    return message;
  }

  /**
   * A payload or headers schema. 3.x wraps non-default formats in a Multi Format Schema Object
   * ({@code {schemaFormat, schema}}); 2.x puts {@code schemaFormat} on the message.
   */
  private SchemaRef payload(Node node, String name, String messageSchemaFormat) {
    if (node == null) return null;
    String format = messageSchemaFormat;
    Node schema = node;
    MappingNode resolved = context.object(node);
    if (resolved != null && resolved.get("schemaFormat").isPresent() && resolved.get("schema").isPresent()) {
      format = LinkContext.text(resolved, "schemaFormat");
      schema = LinkContext.raw(resolved, "schema");
    }
    if (format != null && !isJsonSchemaFormat(format)) return schemas.linkForeign(schema, name, format);
    return schemas.link(schema, name);
  }

  private static boolean isJsonSchemaFormat(String format) {
    String f = format.toLowerCase(Locale.ROOT);
    return f.startsWith("application/vnd.aai.asyncapi")
        || f.startsWith("application/schema+json")
        || f.startsWith("application/schema+yaml");
  }

  private static CorrelationId correlationId(MappingNode c) {
    if (c == null) return null;
    String expression = LinkContext.text(c, "location");
    CorrelationId.Source source = null;
    String pointer = null;
    if (expression != null) {
      int hash = expression.indexOf('#');
      String head = hash < 0 ? expression : expression.substring(0, hash);
      String tail = hash < 0 ? "" : expression.substring(hash + 1);
      if (tail.isEmpty() || tail.startsWith("/")) {
        if (head.equals("$message.payload")) source = CorrelationId.Source.PAYLOAD;
        if (head.equals("$message.header")) source = CorrelationId.Source.HEADER;
        if (source != null) pointer = tail;
      }
    }
    return new CorrelationId(expression, source, pointer, LinkContext.text(c, "description"), c.location());
  }

  private List<MessageExample> examples(MappingNode m) {
    List<MessageExample> out = new ArrayList<>();
    for (Node item : LinkContext.items(m, "examples")) {
      MappingNode e = context.object(item);
      if (e == null) continue;
      out.add(new MessageExample(
          LinkContext.text(e, "name"),
          LinkContext.text(e, "summary"),
          e.get("payload").map(Values::toJava).orElse(null),
          e.get("headers").map(Values::toJava).orElse(null),
          e.location()));
    }
    return out;
  }

  private static String firstNonNull(String... candidates) {
    for (String c : candidates) if (c != null) return c;
    return null;
  }
}
