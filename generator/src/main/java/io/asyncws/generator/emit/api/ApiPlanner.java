package io.asyncws.generator.emit.api;

import com.palantir.javapoet.NameAllocator;
import io.asyncws.generator.emit.api.ApiPlan.Endpoint;
import io.asyncws.generator.emit.api.ApiPlan.Exchange;
import io.asyncws.generator.emit.api.ApiPlan.Side;
import io.asyncws.generator.emit.api.Perspective.Role;
import io.asyncws.generator.model.Action;
import io.asyncws.generator.model.ApiModel;
import io.asyncws.generator.model.Channel;
import io.asyncws.generator.model.CorrelationId;
import io.asyncws.generator.model.JsonType;
import io.asyncws.generator.model.Message;
import io.asyncws.generator.model.Operation;
import io.asyncws.generator.model.SchemaModel;
import io.asyncws.generator.model.SchemaRef;
import io.asyncws.generator.model.SecurityRequirement;
import io.asyncws.generator.model.SecurityScheme;
import io.asyncws.generator.model.Server;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Works out an {@link ApiPlan} from a model and a perspective. */
final class ApiPlanner {
  private ApiPlanner() {}

  /** Whether the document is a WebSocket API: a {@code ws}/{@code wss} server, or no server at all. */
  static boolean isWebSocketApi(ApiModel model) {
    return model.servers().isEmpty() || model.servers().stream().anyMatch(Server::isWebSocket);
  }

  static ApiPlan plan(ApiModel model, Perspective perspective) {
    Map<String, Building> byAddress = new LinkedHashMap<>();
    for (Operation op : model.operations()) {
      Channel channel = op.channel();
      // A channel whose address is unknown (3.x `address: null`) has no URL to connect to.
      if (channel == null || channel.address() == null) continue;
      Building endpoint = byAddress.computeIfAbsent(channel.address(), a -> new Building(channel));
      if (endpoint.bindingFrom == null && channel.wsBinding() != null) endpoint.bindingFrom = channel;
      for (Role role : Role.values()) {
        endpoint.side(role).add(op, perspective.actionOf(role, op));
      }
    }
    List<Endpoint> endpoints = new ArrayList<>();
    NameAllocator endpointNames = new NameAllocator();
    for (Building b : byAddress.values()) {
      String name = byAddress.size() == 1 ? "" : endpointNames.newName(addressWords(b.first.address()));
      endpoints.add(b.build(name));
    }
    List<Server> servers = model.servers().stream().filter(Server::isWebSocket).toList();
    Set<SecurityScheme> schemes = new LinkedHashSet<>();
    for (Server s : servers) {
      for (SecurityRequirement r : s.security()) if (isHandshakeScheme(r.scheme())) schemes.add(r.scheme());
    }
    return new ApiPlan(
        ApiNames.apiPrefix(model.info().title()),
        model.info().title(),
        model.info().description(),
        endpoints,
        servers,
        List.copyOf(schemes));
  }

  /** Schemes whose credential travels in the opening handshake: a query parameter or a header. */
  static boolean isHandshakeScheme(SecurityScheme s) {
    return switch (s.type()) {
      case HTTP_API_KEY -> s.in() == SecurityScheme.KeyLocation.QUERY || s.in() == SecurityScheme.KeyLocation.HEADER;
      case HTTP, OAUTH2, OPEN_ID_CONNECT -> true;
      default -> false;
    };
  }

  /** {@code /rooms/{roomId}} → {@code Rooms}; {@code /} → {@code Root}. */
  private static String addressWords(String address) {
    String literal = address.replaceAll("\\{[^}]*}", " ");
    String name = ApiNames.typeName(literal);
    return name.equals("Api") ? "Root" : name;
  }

  /** An endpoint while operations are added to it. */
  private static final class Building {
    final Channel first;
    Channel bindingFrom;
    final SideBuilder client = new SideBuilder();
    final SideBuilder server = new SideBuilder();

    Building(Channel first) {
      this.first = first;
      this.bindingFrom = first.wsBinding() != null ? first : null;
    }

    SideBuilder side(Role role) {
      return role == Role.CLIENT ? client : server;
    }

    Endpoint build(String name) {
      // One name per message across both sides, so the client's sendPing and the server's
      // onPing speak of the same thing.
      Map<Message, String> names = new LinkedHashMap<>();
      NameAllocator allocator = new NameAllocator();
      for (SideBuilder side : List.of(client, server)) {
        for (Message m : side.all()) {
          if (!names.containsKey(m)) names.put(m, allocator.newName(ApiNames.memberName(m.name())));
        }
      }
      return new Endpoint(
          name,
          first.address(),
          first.parameters(),
          bindingFrom == null ? null : bindingFrom.wsBinding(),
          names,
          client.build(),
          server.build());
    }
  }

  private static final class SideBuilder {
    // Insertion order, for determinism; a message record equals only itself (it has a location).
    final Set<Message> sends = new LinkedHashSet<>();
    final Set<Message> receives = new LinkedHashSet<>();
    final List<Exchange> requests = new ArrayList<>();
    final List<Exchange> answers = new ArrayList<>();
    final Map<Message, Operation> operations = new LinkedHashMap<>();

    void add(Operation op, Action action) {
      List<Message> messages = op.messages().isEmpty()
          ? List.copyOf(op.channel().messages().values()) : op.messages();
      List<Message> replies = op.isRequestReply() ? op.reply().messages() : List.of();
      Set<Message> out = action == Action.SEND ? sends : receives;
      Set<Message> back = action == Action.SEND ? receives : sends;
      for (Message m : messages) {
        out.add(m);
        operations.putIfAbsent(m, op);
      }
      for (Message m : replies) {
        back.add(m);
        operations.putIfAbsent(m, op);
      }
      if (replies.isEmpty()) return;
      for (Message request : messages) {
        Exchange exchange = exchange(op, request, replies);
        if (exchange != null) (action == Action.SEND ? requests : answers).add(exchange);
      }
    }

    List<Message> all() {
      List<Message> all = new ArrayList<>(sends);
      for (Message m : receives) if (!sends.contains(m)) all.add(m);
      return all;
    }

    Side build() {
      return new Side(List.copyOf(sends), List.copyOf(receives), List.copyOf(requests),
          List.copyOf(answers), java.util.Collections.unmodifiableMap(operations));
    }
  }

  /**
   * The exchange of a request, or null when its correlation id cannot be followed: WebSocket
   * messages have no headers, so only an id inside the payload pairs a reply with its request.
   */
  private static Exchange exchange(Operation op, Message request, List<Message> replies) {
    String pointer = payloadPointer(request.correlationId());
    if (pointer == null) return null;
    Map<Message, String> replyPointers = new LinkedHashMap<>();
    for (Message reply : replies) {
      String own = payloadPointer(reply.correlationId());
      if (reply.correlationId() != null && own == null) return null;
      replyPointers.put(reply, own == null ? pointer : own);
    }
    return new Exchange(op, request, replies, pointer, replyPointers, isNumeric(request.payload(), pointer));
  }

  private static String payloadPointer(CorrelationId id) {
    if (id == null || id.source() != CorrelationId.Source.PAYLOAD) return null;
    String pointer = id.pointer();
    return pointer == null || pointer.isEmpty() ? null : pointer;
  }

  /** Whether the schema at {@code pointer} below {@code payload} is an integer or number. */
  private static boolean isNumeric(SchemaRef payload, String pointer) {
    if (payload == null) return false;
    SchemaModel schema = payload.get();
    for (String token : pointer.substring(1).split("/", -1)) {
      String name = token.replace("~1", "/").replace("~0", "~");
      SchemaRef next = findProperty(schema, name, 0);
      if (next == null) return false;
      schema = next.get();
    }
    return schema.isType(JsonType.INTEGER) || schema.isType(JsonType.NUMBER);
  }

  private static SchemaRef findProperty(SchemaModel schema, String name, int depth) {
    if (depth > 8) return null;
    SchemaRef direct = schema.properties().get(name);
    if (direct != null) return direct;
    List<SchemaRef> parts = new ArrayList<>(schema.allOf());
    parts.addAll(schema.oneOf());
    parts.addAll(schema.anyOf());
    for (SchemaRef part : parts) {
      SchemaRef found = findProperty(part.get(), name, depth + 1);
      if (found != null) return found;
    }
    return null;
  }
}
