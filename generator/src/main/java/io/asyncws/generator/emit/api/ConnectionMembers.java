package io.asyncws.generator.emit.api;

import static io.asyncws.generator.emit.api.ApiTypes.COMPLETABLE_FUTURE;
import static io.asyncws.generator.emit.api.ApiTypes.CONTRACT_VIOLATION;
import static io.asyncws.generator.emit.api.ApiTypes.JSON_NODE;
import static io.asyncws.generator.emit.api.ApiTypes.PENDING_REPLIES;
import static io.asyncws.generator.emit.api.ApiTypes.WEB_SOCKET;

import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.CodeBlock;
import com.palantir.javapoet.FieldSpec;
import com.palantir.javapoet.MethodSpec;
import com.palantir.javapoet.ParameterizedTypeName;
import com.palantir.javapoet.TypeName;
import com.palantir.javapoet.TypeSpec;
import com.palantir.javapoet.TypeVariableName;
import io.asyncws.generator.emit.api.ApiPlan.Endpoint;
import io.asyncws.generator.emit.api.ApiPlan.Exchange;
import io.asyncws.generator.emit.api.ApiPlan.Side;
import io.asyncws.generator.model.Message;
import io.asyncws.generator.model.Operation;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.BiFunction;
import java.util.function.Function;
import javax.lang.model.element.Modifier;

/**
 * The members every connection object has, whichever end it is: the generated client and the
 * generated server session both send typed messages, await correlated replies, answer requests
 * and recognise incoming messages. Only who hears about an incoming message differs, which the
 * caller says with {@code deliver}.
 */
final class ConnectionMembers {
  private final ClassName self;
  private final ClassName codec;
  private final Endpoint endpoint;
  private final Side side;
  private final PayloadTypes types;

  ConnectionMembers(ClassName self, ClassName codec, Endpoint endpoint, Side side, PayloadTypes types) {
    this.self = self;
    this.codec = codec;
    this.endpoint = endpoint;
    this.side = side;
    this.types = types;
  }

  /** The Java type of a message's payload; a tree when the message declares no payload. */
  static TypeName payloadType(PayloadTypes types, Message message) {
    return message.payload() == null ? JSON_NODE : types.typeOf(message.payload()).box();
  }

  TypeName payloadType(Message message) {
    return payloadType(types, message);
  }

  String nameOf(Message message) {
    return endpoint.nameOf(message);
  }

  /** Javadoc text of a message: its summary/description, then its operation's. */
  static String describe(Message message, Operation operation) {
    String text = ApiNames.firstText(message.summary(), message.description(), message.title());
    String op = operation == null ? "" : ApiNames.firstText(operation.summary(), operation.description());
    if (text.isEmpty()) text = "Message {@code " + ApiNames.javadoc(message.name()) + "}.";
    return op.isEmpty() ? text : text + "\n\n<p>Operation {@code " + ApiNames.javadoc(operation.id()) + "}: " + op;
  }

  private String describe(Message message) {
    return describe(message, side.operations().get(message));
  }

  /** The fields: the socket, a correlation-id counter and one reply registry per request. */
  void addFields(TypeSpec.Builder type) {
    type.addField(FieldSpec.builder(WEB_SOCKET, "socket", Modifier.PRIVATE, Modifier.VOLATILE)
        .addJavadoc("Set when the connection opens, before any message is delivered.\n").build());
    if (side.requests().isEmpty()) return;
    type.addField(FieldSpec.builder(ApiTypes.ATOMIC_LONG, "nextCorrelationId", Modifier.PRIVATE, Modifier.FINAL)
        .initializer("new $T()", ApiTypes.ATOMIC_LONG).build());
    for (Exchange e : side.requests()) {
      type.addField(ParameterizedTypeName.get(PENDING_REPLIES, replyType(e)), pendingField(e),
          Modifier.PRIVATE, Modifier.FINAL);
    }
  }

  /** Constructor statements that create the reply registries from {@code ClientOptions options}. */
  CodeBlock initFields() {
    CodeBlock.Builder code = CodeBlock.builder();
    for (Exchange e : side.requests()) {
      code.addStatement("this.$N = new $T<>(options.maxPendingRequests(), options.requestTimeout(), options.delayer())",
          pendingField(e), PENDING_REPLIES);
    }
    return code.build();
  }

  private String pendingField(Exchange e) {
    return nameOf(e.request()) + "Replies";
  }

  /** The future's type of a request: the reply's payload, or a sealed union of the possible replies. */
  TypeName replyType(Exchange e) {
    return e.replies().size() == 1 ? payloadType(e.replies().get(0)) : self.nestedClass(replyUnionName(e));
  }

  private String replyUnionName(Exchange e) {
    return ApiNames.capitalize(nameOf(e.request())) + "Reply";
  }

  private String replyVariantName(Message reply) {
    return "Of" + ApiNames.capitalize(nameOf(reply));
  }

  /** Everything public: socket accessors, sends, requests, replies. */
  void addMethods(TypeSpec.Builder type) {
    addSocketAccessors(type);
    for (Message m : side.sends()) type.addMethod(send(m));
    for (Exchange e : side.requests()) {
      if (e.replies().size() > 1) type.addType(replyUnion(e));
      type.addMethod(request(e));
    }
    if (!side.requests().isEmpty()) type.addMethod(requestHelper());
    for (Exchange e : side.answers()) addReplyHelpers(type, e);
  }

  private void addSocketAccessors(TypeSpec.Builder type) {
    type.addMethod(MethodSpec.methodBuilder("socket")
        .addJavadoc("The browser-shaped connection underneath, for what the contract does not cover.\n")
        .addModifiers(Modifier.PUBLIC).returns(WEB_SOCKET).addStatement("return socket").build());
    type.addMethod(MethodSpec.methodBuilder("readyState")
        .addJavadoc("The connection's state.\n")
        .addModifiers(Modifier.PUBLIC).returns(ApiTypes.READY_STATE)
        .addStatement("return socket.readyState()").build());
    type.addMethod(MethodSpec.methodBuilder("bufferedAmount")
        .addJavadoc("Bytes queued and not yet written; watch it to pace a producer.\n")
        .addModifiers(Modifier.PUBLIC).returns(long.class)
        .addStatement("return socket.bufferedAmount()").build());
    type.addMethod(MethodSpec.methodBuilder("close")
        .addJavadoc("Starts the closing handshake with code 1000.\n")
        .addModifiers(Modifier.PUBLIC).addStatement("socket.close()").build());
    type.addMethod(MethodSpec.methodBuilder("close")
        .addJavadoc("Starts the closing handshake with {@code code} (1000 or 3000-4999) and {@code reason}.\n")
        .addModifiers(Modifier.PUBLIC).addParameter(int.class, "code").addParameter(String.class, "reason")
        .addStatement("socket.close(code, reason)").build());
  }

  private MethodSpec send(Message m) {
    return MethodSpec.methodBuilder("send" + ApiNames.capitalize(nameOf(m)))
        .addJavadoc(describe(m) + "\n\n@return true when queued; false when the connection is closing or closed\n")
        .addModifiers(Modifier.PUBLIC)
        .returns(boolean.class)
        .addParameter(payloadType(m), "message")
        .addStatement("return socket.send($T.encode(message))", codec)
        .build();
  }

  private TypeSpec replyUnion(Exchange e) {
    ClassName union = self.nestedClass(replyUnionName(e));
    TypeSpec.Builder type = TypeSpec.interfaceBuilder(union)
        .addModifiers(Modifier.PUBLIC, Modifier.SEALED)
        .addJavadoc("The possible replies to {@code $L}.\n", nameOf(e.request()));
    for (Message reply : e.replies()) {
      ClassName variant = union.nestedClass(replyVariantName(reply));
      type.addPermittedSubclass(variant);
      type.addType(TypeSpec.recordBuilder(variant)
          // Implicit in an interface; JavaPoet wants them spelt out.
          .addModifiers(Modifier.PUBLIC, Modifier.STATIC)
          .addSuperinterface(union)
          .addJavadoc("The reply {@code $L}.\n\n@param value the reply\n", nameOf(reply))
          .recordConstructor(MethodSpec.constructorBuilder().addParameter(payloadType(reply), "value").build())
          .build());
    }
    return type.build();
  }

  private MethodSpec request(Exchange e) {
    return MethodSpec.methodBuilder(nameOf(e.request()))
        .addJavadoc(describe(e.request())
            + "\n\n<p>Sends the request and completes with the reply carrying the same correlation id ({@code "
            + ApiNames.javadoc(e.requestPointer()) + "}); a request without one gets a fresh id. The future fails"
            + " with a {@link java.util.concurrent.TimeoutException} when no reply comes in time and with a"
            + " {@link io.asyncws.runtime.contract.ReplyRegistryClosedException} when the connection closes first.\n")
        .addModifiers(Modifier.PUBLIC)
        .returns(ParameterizedTypeName.get(COMPLETABLE_FUTURE, replyType(e)))
        .addParameter(payloadType(e.request()), "request")
        .addStatement("return request(request, $S, $L, $N)", e.requestPointer(), e.numericId(), pendingField(e))
        .build();
  }

  /** The one place a request is numbered, registered and sent. */
  private MethodSpec requestHelper() {
    TypeVariableName r = TypeVariableName.get("R");
    return MethodSpec.methodBuilder("request")
        .addJavadoc("Sends {@code payload} with a correlation id at {@code pointer} (a fresh one when it has"
            + " none: a number when {@code numeric}) and registers it in {@code replies}.\n")
        .addModifiers(Modifier.PRIVATE)
        .addTypeVariable(r)
        .returns(ParameterizedTypeName.get(COMPLETABLE_FUTURE, r))
        .addParameter(Object.class, "payload")
        .addParameter(String.class, "pointer")
        .addParameter(boolean.class, "numeric")
        .addParameter(ParameterizedTypeName.get(PENDING_REPLIES, r), "replies")
        .addStatement("$T tree = $T.tree(payload)", JSON_NODE, codec)
        .addStatement("String id = $T.correlationId(tree, pointer)", codec)
        .beginControlFlow("if (id == null)")
        .addStatement("long next = nextCorrelationId.incrementAndGet()")
        .addStatement("$T.putCorrelationId(tree, pointer, numeric ? $T.valueOf(next) : $T.valueOf(Long.toString(next)))",
            codec, ClassName.get("com.fasterxml.jackson.databind.node", "LongNode"),
            ClassName.get("com.fasterxml.jackson.databind.node", "TextNode"))
        .addStatement("id = Long.toString(next)")
        .endControlFlow()
        .addStatement("$T<$T> reply", COMPLETABLE_FUTURE, r)
        .beginControlFlow("try")
        .addStatement("reply = replies.register(id)")
        .nextControlFlow("catch ($T e)", IllegalStateException.class)
        .addStatement("return $T.failedFuture(e)", COMPLETABLE_FUTURE)
        .endControlFlow()
        .beginControlFlow("if (!socket.send(tree.toString()))")
        .addStatement("replies.fail(id, new $T($S))", IllegalStateException.class,
            "the connection is closing; the request was not sent")
        .endControlFlow()
        .addStatement("return reply")
        .build();
  }

  private void addReplyHelpers(TypeSpec.Builder type, Exchange e) {
    Set<TypeName> seen = new HashSet<>();
    boolean distinct = e.replies().stream().allMatch(r -> seen.add(payloadType(r)));
    for (Message reply : e.replies()) {
      String name = "replyTo" + ApiNames.capitalize(nameOf(e.request()))
          + (distinct ? "" : "With" + ApiNames.capitalize(nameOf(reply)));
      type.addMethod(MethodSpec.methodBuilder(name)
          .addJavadoc("Answers {@code request} with {@code reply}, copying the request's correlation id"
              + " ({@code $L}) into the reply ({@code $L}).\n\n$L\n\n@return true when queued; false when the"
              + " connection is closing or closed\n",
              ApiNames.javadoc(e.requestPointer()), ApiNames.javadoc(e.replyPointers().get(reply)), describe(reply))
          .addModifiers(Modifier.PUBLIC)
          .returns(boolean.class)
          .addParameter(payloadType(e.request()), "request")
          .addParameter(payloadType(reply), "reply")
          .addStatement("$T tree = $T.tree(reply)", JSON_NODE, codec)
          .addStatement("$T id = $T.tree(request).at($S)", JSON_NODE, codec, e.requestPointer())
          .beginControlFlow("if (!id.isMissingNode() && !id.isNull())")
          .addStatement("$T.putCorrelationId(tree, $S, id)", codec, e.replyPointers().get(reply))
          .endControlFlow()
          .addStatement("return socket.send(tree.toString())")
          .build());
    }
  }

  /**
   * Adds {@code private void receive(String text)}: recognises the message, binds it, completes a
   * waiting request when it is a correlated reply, and otherwise hands it to {@code deliver}; a
   * message that breaks the contract goes to {@code invalid} and the connection stays open. With
   * it, {@code receiveDirect} when the one incoming message can skip the tree.
   */
  void addReceive(TypeSpec.Builder type, Function<Message, CodeBlock> deliver,
      BiFunction<String, String, CodeBlock> invalid) {
    boolean direct = hasDirectPath(side, types);
    type.addMethod(receive(direct, deliver, invalid));
    if (direct) type.addMethod(receiveDirect(deliver));
  }

  private MethodSpec receive(boolean direct, Function<Message, CodeBlock> deliver,
      BiFunction<String, String, CodeBlock> invalid) {
    List<Message> incoming = side.receives();
    MethodSpec.Builder method = MethodSpec.methodBuilder("receive")
        .addModifiers(Modifier.PRIVATE)
        .addParameter(String.class, "text");
    if (direct) method.beginControlFlow("if (receiveDirect(text))").addStatement("return").endControlFlow();
    method.beginControlFlow("try");
    if (incoming.isEmpty()) {
      method.addStatement("throw new $T($T.UNKNOWN, $S)", CONTRACT_VIOLATION, ApiTypes.VIOLATION_KIND,
          "the contract lets the peer send nothing here");
    } else {
      List<CodeBlock> scores = new ArrayList<>();
      for (Message m : incoming) scores.add(CodeBlock.of("score$L(node)", ApiNames.capitalize(nameOf(m))));
      method.addStatement("$T node = $T.parse(text)", JSON_NODE, codec)
          .beginControlFlow("switch ($T.choose(INCOMING,$>$>\n$L$<$<))", codec, CodeBlock.join(scores, ",\n"));
      for (int i = 0; i < incoming.size(); i++) {
        Message m = incoming.get(i);
        method.beginControlFlow("case $L ->", i)
            .addStatement("$T message = $L", payloadType(m), CodecEmitter.decode(codec, payloadType(m), m.name()));
        List<Exchange> awaiting = awaiting(side, m);
        if (!awaiting.isEmpty()) {
          String pointer = awaiting.get(0).replyPointers().get(m);
          List<CodeBlock> completions = new ArrayList<>();
          for (Exchange e : awaiting) {
            CodeBlock value = e.replies().size() == 1 ? CodeBlock.of("message")
                : CodeBlock.of("new $T(message)", self.nestedClass(replyUnionName(e)).nestedClass(replyVariantName(m)));
            completions.add(CodeBlock.of("$N.complete(id, $L)", pendingField(e), value));
          }
          method.addStatement("String id = $T.correlationId(node, $S)", codec, pointer)
              .beginControlFlow("if (id != null && ($L))", CodeBlock.join(completions, " || "))
              .addStatement("return")
              .endControlFlow();
        }
        method.addStatement(deliver.apply(m)).endControlFlow();
      }
      method.addStatement("default -> throw new $T($S)", IllegalStateException.class, "no such candidate")
          .endControlFlow();
    }
    return method.nextControlFlow("catch ($T e)", CONTRACT_VIOLATION)
        .addStatement(invalid.apply("text", "e"))
        .endControlFlow()
        .build();
  }

  /**
   * Whether the one message the peer may send to {@code side} can skip the tree: a plain object
   * bound to a record, not a reply whose correlation id must be read. Binding it straight from the
   * text halves the cost of a small message; anything that does not bind takes the full path.
   */
  static boolean hasDirectPath(Side side, PayloadTypes types) {
    if (side.receives().size() != 1) return false;
    Message only = side.receives().get(0);
    return awaiting(side, only).isEmpty()
        && MessageShapes.isPlainObject(only)
        && types.isRecord(only.payload());
  }

  /** The requests of {@code side} that {@code m} may answer. */
  private static List<Exchange> awaiting(Side side, Message m) {
    return side.requests().stream().filter(e -> e.replies().contains(m)).toList();
  }

  /**
   * {@code private boolean receiveDirect(String text)}, when {@link #hasDirectPath}: delivers the
   * message bound in one parse and returns true, or returns false for {@code receive}'s full path.
   */
  private MethodSpec receiveDirect(Function<Message, CodeBlock> deliver) {
    Message only = side.receives().get(0);
    return MethodSpec.methodBuilder("receiveDirect")
        .addJavadoc("Delivers {@code text} bound straight to {@code $L} in one parse; false when it does not"
            + " bind, and the full recognition in {@code receive} then says why.\n", ApiNames.javadoc(only.name()))
        .addModifiers(Modifier.PRIVATE)
        .returns(boolean.class)
        .addParameter(String.class, "text")
        .addStatement("$T message = $T.bind(text, $T.class)", payloadType(only), codec, payloadType(only))
        .beginControlFlow("if (message == null)")
        .addStatement("return false")
        .endControlFlow()
        .addStatement(deliver.apply(only))
        .addStatement("return true")
        .build();
  }

  /** The names of the incoming candidates, for error messages, and one score method per candidate. */
  void addRecognition(TypeSpec.Builder type) {
    if (side.receives().isEmpty()) return;
    List<CodeBlock> names = new ArrayList<>();
    for (Message m : side.receives()) names.add(CodeBlock.of("$S", m.name()));
    type.addField(FieldSpec.builder(ParameterizedTypeName.get(ClassName.get(List.class), ClassName.get(String.class)),
            "INCOMING", Modifier.PRIVATE, Modifier.STATIC, Modifier.FINAL)
        .addJavadoc("The messages the peer may send here, in the order of the score methods.\n")
        .initializer("$T.of($L)", List.class, CodeBlock.join(names, ", ")).build());
    for (Message m : side.receives()) {
      type.addMethod(MethodSpec.methodBuilder("score" + ApiNames.capitalize(nameOf(m)))
          .addJavadoc("How well {@code node} fits {@code $L}: -1 not at all, else the number of"
              + " {@code const} properties that matched.\n", ApiNames.javadoc(m.name()))
          .addModifiers(Modifier.PRIVATE, Modifier.STATIC)
          .returns(int.class)
          .addParameter(JSON_NODE, "node")
          .addCode(MessageShapes.scoreBody(m))
          .build());
    }
  }

  /** Statements that fail every waiting request: the connection closed. */
  CodeBlock failPending(String reasonExpression) {
    CodeBlock.Builder code = CodeBlock.builder();
    for (Exchange e : side.requests()) code.addStatement("$N.close($L)", pendingField(e), reasonExpression);
    return code.build();
  }

  /** Whether {@code m} reaches this end only as a reply to its own requests. */
  boolean isOnlyReply(Message m) {
    boolean reply = !awaiting(side, m).isEmpty();
    boolean request = side.answers().stream().anyMatch(e -> e.request().equals(m));
    Operation op = side.operations().get(m);
    return reply && !request && op != null && op.isRequestReply() && !op.messages().contains(m);
  }
}
