package io.asyncws.generator.model;

import io.asyncws.generator.tree.SourceLocation;
import java.util.List;

/**
 * A message, with its traits applied.
 *
 * <p>A message used by several operations is one object: compare with {@code ==} or by
 * {@link #location()}.
 *
 * @param name a stable name: the key in the channel's or components' {@code messages}, else the
 *     {@code name} field, else the {@code messageId}, else a name derived from its place
 * @param messageId the 2.4+ {@code messageId}, or null
 * @param title or null
 * @param summary or null
 * @param description or null
 * @param contentType the message's content type, or the document's default, or null
 * @param payload the payload schema, or null when the message declares none
 * @param headers the headers schema, or null
 * @param correlationId where the correlation id is found, or null
 * @param examples examples in document order
 * @param location where the message stands
 */
public record Message(
    String name,
    String messageId,
    String title,
    String summary,
    String description,
    String contentType,
    SchemaRef payload,
    SchemaRef headers,
    CorrelationId correlationId,
    List<MessageExample> examples,
    SourceLocation location) {

  public Message {
    examples = List.copyOf(examples);
  }
}
