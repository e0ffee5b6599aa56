package io.asyncws.generator.emit.api;

import io.asyncws.generator.model.Message;
import io.asyncws.generator.model.Operation;
import io.asyncws.generator.model.Parameter;
import io.asyncws.generator.model.SecurityScheme;
import io.asyncws.generator.model.Server;
import io.asyncws.generator.model.WsChannelBinding;
import java.util.List;
import java.util.Map;

/**
 * What the API emitters generate for one document, worked out once from the model: the document
 * is read from one {@link Perspective}, and every emitter sees the same answer to "who sends
 * what".
 *
 * @param prefix the class-name prefix, e.g. {@code KrakenWebsockets}
 * @param title the API's title, for Javadoc
 * @param description the API's description, or null
 * @param endpoints one per distinct channel address, in document order
 * @param servers the {@code ws}/{@code wss} servers, in document order
 * @param schemes the security schemes those servers require that travel in the handshake
 */
record ApiPlan(
    String prefix,
    String title,
    String description,
    List<Endpoint> endpoints,
    List<Server> servers,
    List<SecurityScheme> schemes) {

  /**
   * The channels that share one address: over WebSocket they share one connection, so one
   * client class and one server route serve them all.
   *
   * @param name words that set this endpoint's classes apart, empty when the API has one endpoint
   * @param address the address template, e.g. {@code /rooms/{roomId}}
   * @param parameters the address parameters
   * @param binding the {@code ws} binding of the first channel that has one, or null
   * @param messageNames a unique Java member name per message ({@code ping} → {@code sendPing})
   * @param client what the client does on this endpoint
   * @param server what the server does on this endpoint
   */
  record Endpoint(
      String name,
      String address,
      List<Parameter> parameters,
      WsChannelBinding binding,
      Map<Message, String> messageNames,
      Side client,
      Side server) {

    /** The member name of {@code message}, e.g. {@code ping}. */
    String nameOf(Message message) {
      return messageNames.get(message);
    }
  }

  /**
   * One end's part on an endpoint. A message appears once in each list even when several
   * operations use it.
   *
   * @param sends every message this end sends, request and reply messages included
   * @param receives every message this end receives
   * @param requests the requests this end sends and awaits a correlated reply for
   * @param answers the requests this end receives and answers
   * @param operations for Javadoc: the first operation each message takes part in
   */
  record Side(
      List<Message> sends,
      List<Message> receives,
      List<Exchange> requests,
      List<Exchange> answers,
      Map<Message, Operation> operations) {}

  /**
   * A request and its possible replies, paired by a correlation id in the payload.
   *
   * @param operation the request/reply operation
   * @param request the request message
   * @param replies the possible reply messages
   * @param requestPointer the JSON pointer of the id in the request, e.g. {@code /reqid}
   * @param replyPointers the pointer of the id in each reply (the request's when a reply declares
   *     none: the reply copies the id where the request had it)
   * @param numericId whether the id is a number in the request schema, so generated ids are too
   */
  record Exchange(
      Operation operation,
      Message request,
      List<Message> replies,
      String requestPointer,
      Map<Message, String> replyPointers,
      boolean numericId) {}
}
