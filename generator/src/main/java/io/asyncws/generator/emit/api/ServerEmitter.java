package io.asyncws.generator.emit.api;

import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.CodeBlock;
import com.palantir.javapoet.FieldSpec;
import com.palantir.javapoet.MethodSpec;
import com.palantir.javapoet.ParameterizedTypeName;
import com.palantir.javapoet.TypeSpec;
import io.asyncws.generator.emit.api.ApiPlan.Endpoint;
import io.asyncws.generator.model.Message;
import io.asyncws.generator.model.SecurityScheme;
import java.util.ArrayList;
import java.util.List;
import javax.lang.model.element.Modifier;

/**
 * Emits {@code XxxServer}: routes each opening handshake by channel address to the endpoint's
 * handler (404 for any other path), authenticates it when the API has security schemes, keeps
 * the open sessions of each endpoint and broadcasts to them.
 */
final class ServerEmitter {
  private static final ClassName HANDSHAKE_HEADERS = ClassName.get("io.asyncws.runtime.contract", "HandshakeHeaders");

  private ServerEmitter() {}

  /** The classes of one endpoint, as the server refers to them. */
  record Route(Endpoint endpoint, ClassName handler, ClassName session) {
    String handlerName(boolean single) {
      return single ? "handler" : ApiNames.memberName(endpoint.name()) + "Handler";
    }

    String sessionsName(boolean single) {
      return single ? "sessions" : ApiNames.memberName(endpoint.name()) + "Sessions";
    }

    String addressName(boolean single) {
      return single ? "ADDRESS" : ApiNames.constantName(endpoint.name()) + "_ADDRESS";
    }
  }

  static TypeSpec emit(ApiPlan plan, List<Route> routes, ClassName server, PayloadTypes types) {
    boolean single = routes.size() == 1;
    TypeSpec.Builder type = TypeSpec.classBuilder(server)
        .addModifiers(Modifier.PUBLIC, Modifier.FINAL)
        .addSuperinterface(AutoCloseable.class)
        .addJavadoc("A server of the $L: routes clients by channel address to the application's handler and"
            + " speaks the contract's messages with them.\n", ApiNames.javadoc(plan.title()))
        .addJavadoc(plan.description() == null ? "" : "\n<p>" + ApiNames.javadoc(plan.description()) + "\n")
        .addJavadoc("\n<p>Thread-safety: every method may be called from any thread.\n")
        .addField(ApiTypes.WEB_SOCKET_SERVER, "server", Modifier.PRIVATE, Modifier.FINAL);
    MethodSpec.Builder constructor = MethodSpec.constructorBuilder().addModifiers(Modifier.PRIVATE)
        .addParameter(ApiTypes.WEB_SOCKET_SERVER, "server").addStatement("this.server = server");
    for (Route r : routes) {
      type.addField(FieldSpec.builder(ApiTypes.ADDRESS_TEMPLATE, r.addressName(single), Modifier.PRIVATE,
              Modifier.STATIC, Modifier.FINAL)
          .initializer("$T.parse($S)", ApiTypes.ADDRESS_TEMPLATE, r.endpoint().address()).build());
      type.addField(ParameterizedTypeName.get(ApiTypes.SET, r.session()), r.sessionsName(single), Modifier.PRIVATE,
          Modifier.FINAL);
      constructor.addParameter(ParameterizedTypeName.get(ApiTypes.SET, r.session()), r.sessionsName(single))
          .addStatement("this.$N = $N", r.sessionsName(single), r.sessionsName(single));
    }
    type.addMethod(constructor.build());
    type.addMethod(start(routes, server, single));
    type.addMethod(startPlain(routes, server, single));
    type.addMethod(route(plan, routes, single));
    type.addMethod(MethodSpec.methodBuilder("localAddress")
        .addJavadoc("The address the server listens on, with the real port when port 0 was asked for.\n")
        .addModifiers(Modifier.PUBLIC).returns(ApiTypes.INET_SOCKET_ADDRESS)
        .addStatement("return server.localAddress()").build());
    type.addMethod(MethodSpec.methodBuilder("port")
        .addJavadoc("The port the server listens on.\n")
        .addModifiers(Modifier.PUBLIC).returns(int.class).addStatement("return server.port()").build());
    for (Route r : routes) {
      type.addMethod(MethodSpec.methodBuilder(r.sessionsName(single))
          .addJavadoc("The open sessions on {@code $L}, a snapshot.\n", ApiNames.javadoc(r.endpoint().address()))
          .addModifiers(Modifier.PUBLIC)
          .returns(ParameterizedTypeName.get(ApiTypes.SET, r.session()))
          .addStatement("return $T.copyOf($N)", ApiTypes.SET, r.sessionsName(single)).build());
      for (Message m : r.endpoint().server().sends()) {
        // A reply belongs to one request of one client: broadcasting it would answer nobody.
        if (!isReplyOnly(r.endpoint().server(), m)) type.addMethod(broadcast(r, m, single, types));
      }
    }
    type.addMethod(MethodSpec.methodBuilder("close")
        .addJavadoc("Stops accepting, closes every session with 1001 and waits for the closing handshakes.\n")
        .addAnnotation(Override.class).addModifiers(Modifier.PUBLIC)
        .addStatement("server.close()").build());
    return type.build();
  }

  private static MethodSpec start(List<Route> routes, ClassName server, boolean single) {
    MethodSpec.Builder method = MethodSpec.methodBuilder("start")
        .addJavadoc("Binds {@code address} and starts serving, over TLS ({@code wss://}) when {@code options} has a"
            + " TLS context.\n\n@param address where to listen, e.g. 127.0.0.1 port 0 for a free port\n"
            + "@param options limits, TLS and allowed origins, e.g. {@link $T#defaults()}\n", ApiTypes.SERVER_OPTIONS)
        .addModifiers(Modifier.PUBLIC, Modifier.STATIC)
        .returns(server)
        .addParameter(ApiTypes.INET_SOCKET_ADDRESS, "address")
        .addParameter(ApiTypes.SERVER_OPTIONS, "options");
    List<CodeBlock> routeArgs = new ArrayList<>();
    routeArgs.add(CodeBlock.of("request"));
    List<CodeBlock> sessionArgs = new ArrayList<>();
    for (Route r : routes) {
      addHandlerParameter(method, r, single);
      method.addStatement("$T<$T> $N = $T.newKeySet()", ApiTypes.SET, r.session(), r.sessionsName(single),
          ApiTypes.CONCURRENT_HASH_MAP);
      routeArgs.add(CodeBlock.of("$N, $N", r.handlerName(single), r.sessionsName(single)));
      sessionArgs.add(CodeBlock.of("$N", r.sessionsName(single)));
    }
    if (single) method.addStatement("$T.requireNonNull(handler, $S)", ApiTypes.OBJECTS, "handler");
    return method
        .addJavadoc("@return the running server; close it to stop\n")
        .addStatement("$T server = options.startServer(address,\nrequest -> route($L))",
            ApiTypes.WEB_SOCKET_SERVER, CodeBlock.join(routeArgs, ", "))
        .addStatement("return new $T(server, $L)", server, CodeBlock.join(sessionArgs, ", "))
        .build();
  }

  /** The plain {@code ws://} shorthand: only delegates, so that the two cannot drift apart. */
  private static MethodSpec startPlain(List<Route> routes, ClassName server, boolean single) {
    List<CodeBlock> signature = new ArrayList<>(List.of(CodeBlock.of("$T", ApiTypes.INET_SOCKET_ADDRESS),
        CodeBlock.of("$T", ApiTypes.SERVER_OPTIONS)));
    for (Route r : routes) signature.add(CodeBlock.of("$T", r.handler()));
    MethodSpec.Builder method = MethodSpec.methodBuilder("start")
        .addJavadoc("Binds {@code address} and starts serving plain {@code ws://}: {@link #start($L)} with"
            + " {@code config} and otherwise default options.\n\n@param address where to listen, e.g. 127.0.0.1 port"
            + " 0 for a free port\n@param config limits and timeouts, e.g. {@link $T#defaults()}\n",
            CodeBlock.join(signature, ", "), ApiTypes.WEB_SOCKET_CONFIG)
        .addModifiers(Modifier.PUBLIC, Modifier.STATIC)
        .returns(server)
        .addParameter(ApiTypes.INET_SOCKET_ADDRESS, "address")
        .addParameter(ApiTypes.WEB_SOCKET_CONFIG, "config");
    List<CodeBlock> handlers = new ArrayList<>();
    for (Route r : routes) {
      addHandlerParameter(method, r, single);
      handlers.add(CodeBlock.of("$N", r.handlerName(single)));
    }
    return method
        .addJavadoc("@return the running server; close it to stop\n")
        .addStatement("return start(address, $T.defaults().withConfig(config), $L)", ApiTypes.SERVER_OPTIONS,
            CodeBlock.join(handlers, ", "))
        .build();
  }

  private static void addHandlerParameter(MethodSpec.Builder method, Route r, boolean single) {
    method.addParameter(r.handler(), r.handlerName(single))
        .addJavadoc("@param $N handles clients on {@code $L}$L\n", r.handlerName(single),
            ApiNames.javadoc(r.endpoint().address()), single ? "" : "; null answers 404 there");
  }

  private static MethodSpec route(ApiPlan plan, List<Route> routes, boolean single) {
    MethodSpec.Builder method = MethodSpec.methodBuilder("route")
        .addJavadoc("Finds the endpoint whose address fits the request path and opens a session there.\n")
        .addModifiers(Modifier.PRIVATE, Modifier.STATIC)
        .returns(ApiTypes.UPGRADE)
        .addParameter(ApiTypes.HANDSHAKE_REQUEST, "request");
    for (Route r : routes) {
      method.addParameter(r.handler(), r.handlerName(single))
          .addParameter(ParameterizedTypeName.get(ApiTypes.SET, r.session()), r.sessionsName(single));
    }
    for (Route r : routes) {
      String h = r.handlerName(single);
      String parameters = single ? "parameters" : ApiNames.memberName(r.endpoint().name()) + "Parameters";
      method.addStatement("$T<$T<String, String>> $N = $N.match(request.path())", java.util.Optional.class,
              ApiTypes.MAP, parameters, r.addressName(single))
          .beginControlFlow("if ($N.isPresent() && $N != null)", parameters, h);
      if (!plan.schemes().isEmpty()) {
        List<CodeBlock> credentials = new ArrayList<>();
        for (SecurityScheme s : plan.schemes()) credentials.add(credential(s));
        method.beginControlFlow("if (!$N.authenticate(request,\n$L))", h, CodeBlock.join(credentials, ",\n"))
            .addStatement("return $T.reject(401, $S)", ApiTypes.UPGRADE, "Unauthorized")
            .endControlFlow();
      }
      method.addStatement("$T session = new $T(request, $N.get(), $N, $N, $T.defaults())", r.session(), r.session(),
              parameters, h, r.sessionsName(single), ApiTypes.CLIENT_OPTIONS)
          .addStatement("return $T.accept(session.events())", ApiTypes.UPGRADE)
          .endControlFlow();
    }
    return method.addStatement("return $T.reject(404, $S + request.path())", ApiTypes.UPGRADE,
        "This API has no channel at ").build();
  }

  /** Whether {@code side} sends {@code m} only as the reply to requests it answers. */
  static boolean isReplyOnly(ApiPlan.Side side, Message m) {
    boolean reply = side.answers().stream().anyMatch(e -> e.replies().contains(m));
    var op = side.operations().get(m);
    return reply && op != null && op.isRequestReply() && !op.messages().contains(m);
  }

  /** How the server reads a scheme's credential from the handshake. */
  private static CodeBlock credential(SecurityScheme s) {
    String header = HandshakeArgs.credentialHeader(s);
    if (header == null) return CodeBlock.of("request.queryParameter($S).orElse(null)", s.parameterName());
    String prefix = HandshakeArgs.credentialPrefix(s);
    if (prefix.isEmpty()) return CodeBlock.of("$T.first(request, $S).orElse(null)", HANDSHAKE_HEADERS, header);
    return CodeBlock.of("$T.first(request, $S)\n.filter(v -> v.regionMatches(true, 0, $S, 0, $L))\n"
        + ".map(v -> v.substring($L)).orElse(null)", HANDSHAKE_HEADERS, header, prefix, prefix.length(), prefix.length());
  }

  private static MethodSpec broadcast(Route r, Message m, boolean single, PayloadTypes types) {
    String name = ApiNames.capitalize(r.endpoint().nameOf(m));
    MethodSpec.Builder method = MethodSpec.methodBuilder("broadcast" + name)
        .addJavadoc("Sends {@code message} to every open session on {@code $L}$L.\n\n",
            ApiNames.javadoc(r.endpoint().address()), r.endpoint().parameters().isEmpty() ? "" : " with these parameters")
        .addModifiers(Modifier.PUBLIC)
        .returns(int.class);
    List<String> params = HandlerEmitter.parameterNames(r.endpoint());
    List<CodeBlock> filter = new ArrayList<>();
    for (String p : params) {
      method.addParameter(String.class, p).addJavadoc("@param $N only sessions with this address parameter\n", p);
      filter.add(CodeBlock.of("$N.equals(session.$N())", p, p));
    }
    method.addParameter(ConnectionMembers.payloadType(types, m), "message")
        .addJavadoc("@param message the message\n@return how many sessions it was queued for\n")
        .addStatement("int sent = 0")
        .beginControlFlow("for ($T session : $N)", r.session(), r.sessionsName(single));
    CodeBlock send = CodeBlock.of("session.send$L(message)", name);
    if (filter.isEmpty()) {
      method.beginControlFlow("if ($L)", send);
    } else {
      method.beginControlFlow("if ($L && $L)", CodeBlock.join(filter, " && "), send);
    }
    return method.addStatement("sent++").endControlFlow().endControlFlow().addStatement("return sent").build();
  }
}
