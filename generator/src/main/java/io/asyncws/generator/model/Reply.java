package io.asyncws.generator.model;

import io.asyncws.generator.tree.SourceLocation;
import java.util.List;

/**
 * The reply of a 3.x request/reply operation.
 *
 * @param channel the channel the reply travels on, or null when the address is dynamic
 * @param messages the possible reply messages (when the document lists none: every message of the
 *     reply channel)
 * @param addressLocation a runtime expression naming where the reply address is found
 *     ({@code $message.header#/replyTo}), or null
 * @param addressDescription or null
 * @param location where the reply stands
 */
public record Reply(
    Channel channel,
    List<Message> messages,
    String addressLocation,
    String addressDescription,
    SourceLocation location) {

  public Reply {
    messages = List.copyOf(messages);
  }
}
