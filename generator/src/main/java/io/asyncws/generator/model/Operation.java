package io.asyncws.generator.model;

import io.asyncws.generator.tree.SourceLocation;
import java.util.List;

/**
 * An operation of the application the document describes.
 *
 * @param id the 3.x key under {@code operations}, the 2.x {@code operationId}, or for a 2.x
 *     operation without one a stable generated name ({@code receiveUserSignedUp} from channel
 *     {@code user/signedup}: action plus the channel's words)
 * @param action send or receive, from this application's point of view (2.x inverted)
 * @param documentKeyword the keyword the document used: {@code send}, {@code receive},
 *     {@code publish} or {@code subscribe}
 * @param channel the channel the operation works on
 * @param messages the messages it sends or receives; for a 2.x {@code oneOf} every alternative
 * @param reply the 3.x reply, or null
 * @param title or null
 * @param summary or null
 * @param description or null
 * @param security the security requirements of the operation
 * @param location where the operation stands
 */
public record Operation(
    String id,
    Action action,
    String documentKeyword,
    Channel channel,
    List<Message> messages,
    Reply reply,
    String title,
    String summary,
    String description,
    List<SecurityRequirement> security,
    SourceLocation location) {

  public Operation {
    messages = List.copyOf(messages);
    security = List.copyOf(security);
  }

  /** Whether the operation expects a reply (3.x request/reply). */
  public boolean isRequestReply() {
    return reply != null;
  }
}
