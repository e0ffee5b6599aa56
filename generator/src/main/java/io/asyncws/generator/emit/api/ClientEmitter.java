package io.asyncws.generator.emit.api;

import static io.asyncws.generator.emit.api.ApiTypes.CLIENT_OPTIONS;
import static io.asyncws.generator.emit.api.ApiTypes.COMPLETABLE_FUTURE;
import static io.asyncws.generator.emit.api.ApiTypes.CONNECT_REQUEST;
import static io.asyncws.generator.emit.api.ApiTypes.LINKED_HASH_MAP;
import static io.asyncws.generator.emit.api.ApiTypes.MAP;
import static io.asyncws.generator.emit.api.ApiTypes.URI_TEXT;

import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.CodeBlock;
import com.palantir.javapoet.FieldSpec;
import com.palantir.javapoet.MethodSpec;
import com.palantir.javapoet.ParameterizedTypeName;
import com.palantir.javapoet.TypeName;
import com.palantir.javapoet.TypeSpec;
import io.asyncws.generator.emit.api.ApiPlan.Endpoint;
import io.asyncws.generator.emit.api.HandshakeArgs.Arg;
import io.asyncws.generator.model.Server;
import io.asyncws.generator.model.ServerVariable;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.lang.model.element.Modifier;

/**
 * Emits {@code XxxClient}: connects to a server of the API (by name, with typed server variables,
 * or by URI), sends typed messages, awaits correlated replies and feeds a {@code
 * XxxClientListener} with typed incoming messages.
 */
final class ClientEmitter {
  private static final ParameterizedTypeName STRING_MAP =
      ParameterizedTypeName.get(MAP, ClassName.get(String.class), ClassName.get(String.class));

  /** The last lines of every connect method's Javadoc; {@code $T} is {@code ClientOptions}. */
  private static final String OPTIONS_DOC = "@param listener hears the server's messages\n@param options timeouts,"
      + " limits and the TLS context of {@code wss://}, e.g. {@link $T#defaults()}\n"
      + "@return the open client, or the reason it could not connect (a failed TLS handshake is an"
      + " {@link javax.net.ssl.SSLHandshakeException} naming the cause)\n";
  /** A URL's {@code scheme://} prefix. */
  private static final Pattern SCHEME = Pattern.compile("([A-Za-z][A-Za-z0-9+.-]*)://");

  private ClientEmitter() {}

  /**
   * The URL a client dials for {@code server}, {@code {variables}} left in place, with the scheme
   * of its protocol: 2.x urls are often written without one ({@code api.example.com}) or with
   * {@code https://}. The connection is encrypted when either the protocol or the url asks for
   * TLS ({@code wss}, {@code https}): a document that contradicts itself must not make a client
   * send in the clear.
   */
  static String connectUrl(Server server) {
    String template = server.urlTemplate();
    Matcher scheme = SCHEME.matcher(template);
    boolean written = scheme.lookingAt();
    String named = written ? scheme.group(1).toLowerCase(Locale.ROOT) : "";
    boolean secure = "wss".equals(server.protocol()) || named.equals("wss") || named.equals("https");
    return (secure ? "wss" : "ws") + "://" + (written ? template.substring(scheme.end()) : template);
  }

  static TypeSpec emit(ApiPlan plan, Endpoint endpoint, ClassName client, ClassName listener, ClassName codec,
      PayloadTypes types) {
    ConnectionMembers members = new ConnectionMembers(client, codec, endpoint, endpoint.client(), types);
    TypeSpec.Builder type = TypeSpec.classBuilder(client)
        .addModifiers(Modifier.PUBLIC, Modifier.FINAL)
        .addJavadoc("A client of the $L on {@code $L}: typed messages over one WebSocket connection.\n",
            ApiNames.javadoc(plan.title()), ApiNames.javadoc(endpoint.address()))
        .addJavadoc(plan.description() == null ? "" : "\n<p>" + ApiNames.javadoc(plan.description()) + "\n")
        .addJavadoc("\n<p>Thread-safety: every method may be called from any thread.\n")
        .addField(FieldSpec.builder(ApiTypes.ADDRESS_TEMPLATE, "ADDRESS", Modifier.PRIVATE, Modifier.STATIC,
                Modifier.FINAL)
            .initializer("$T.parse($S)", ApiTypes.ADDRESS_TEMPLATE, endpoint.address()).build())
        .addField(listener, "listener", Modifier.PRIVATE, Modifier.FINAL)
        .addField(FieldSpec.builder(ApiTypes.WEB_SOCKET_CLIENT, "transport", Modifier.PRIVATE, Modifier.FINAL)
            .addJavadoc("This client's own event loop, stopped when the connection closes.\n").build());
    members.addFields(type);
    type.addMethod(MethodSpec.constructorBuilder()
        .addModifiers(Modifier.PRIVATE)
        .addParameter(listener, "listener")
        .addParameter(CLIENT_OPTIONS, "options")
        .addStatement("this.listener = $T.requireNonNull(listener, $S)", ApiTypes.OBJECTS, "listener")
        .addStatement("this.transport = options.newWebSocketClient()")
        .addCode(members.initFields())
        .build());

    List<Arg> args = HandshakeArgs.of(endpoint, plan.schemes(), List.of("server", "listener", "options"));
    for (Server server : plan.servers()) addServerConnect(type, client, listener, server, args);
    type.addMethod(connect(client, listener, endpoint, args));
    members.addMethods(type);
    members.addReceive(type,
        m -> CodeBlock.of("listener.on$L(message)", ApiNames.capitalize(endpoint.nameOf(m))),
        (text, error) -> CodeBlock.of("listener.onInvalidMessage($N, $N)", text, error));
    members.addRecognition(type);
    type.addMethod(MethodSpec.methodBuilder("stopTransport")
        .addJavadoc("Stops the event loop from another thread: the loop cannot wait for itself to end.\n")
        .addModifiers(Modifier.PRIVATE)
        .addStatement("$T.runAsync(transport::close)", COMPLETABLE_FUTURE)
        .build());
    type.addType(events(client, members));
    return type.build();
  }

  private static void addServerConnect(TypeSpec.Builder type, ClassName client, ClassName listener, Server server,
      List<Arg> args) {
    String serverType = ApiNames.typeName(server.name());
    String url = connectUrl(server);
    MethodSpec.Builder method = MethodSpec.methodBuilder("connectTo" + serverType)
        .addJavadoc("Connects to server {@code $L} ({@code $L}).$L\n\n", ApiNames.javadoc(server.name()),
            ApiNames.javadoc(url), server.description() == null ? "" : " " + ApiNames.javadoc(server.description()))
        .addModifiers(Modifier.PUBLIC, Modifier.STATIC)
        .returns(ParameterizedTypeName.get(COMPLETABLE_FUTURE, client));
    CodeBlock.Builder body = CodeBlock.builder()
        .addStatement("$T variables = new $T<>()", STRING_MAP, LINKED_HASH_MAP);
    com.palantir.javapoet.NameAllocator names = new com.palantir.javapoet.NameAllocator();
    for (Arg a : args) names.newName(a.javaName(), a);
    names.newName("listener", "listener");
    names.newName("options", "options");
    names.newName("variables", "variables");
    for (ServerVariable v : server.variables()) {
      String name = names.newName(ApiNames.memberName(v.name()), v);
      TypeName varType = ClassName.get(String.class);
      CodeBlock value = CodeBlock.of("$N", name);
      if (!v.enumValues().isEmpty()) {
        ClassName enumType = client.nestedClass(serverType + ApiNames.typeName(v.name()));
        type.addType(variableEnum(enumType, server, v));
        varType = enumType;
        value = CodeBlock.of("$N.value()", name);
      }
      String doc = ApiNames.firstText(v.description(), "server variable {@code " + ApiNames.javadoc(v.name()) + "}");
      if (v.defaultValue() != null) {
        method.addJavadoc("@param $N $L; null for the default {@code $L}\n", name, doc, ApiNames.javadoc(v.defaultValue()));
        body.addStatement("variables.put($S, $N == null ? $S : $L)", v.name(), name, v.defaultValue(), value);
      } else {
        method.addJavadoc("@param $N $L, required\n", name, doc);
        body.addStatement("$T.requireNonNull($N, $S)", ApiTypes.OBJECTS, name, v.name())
            .addStatement("variables.put($S, $L)", v.name(), value);
      }
      method.addParameter(varType, name);
    }
    List<CodeBlock> passed = new ArrayList<>();
    passed.add(CodeBlock.of("$T.create($T.substitute($S, variables))", ApiTypes.URI, URI_TEXT, url));
    for (Arg a : args) {
      method.addParameter(String.class, a.javaName()).addJavadoc(argDoc(a));
      passed.add(CodeBlock.of("$N", a.javaName()));
    }
    passed.add(CodeBlock.of("listener"));
    passed.add(CodeBlock.of("options"));
    method.addParameter(listener, "listener").addParameter(CLIENT_OPTIONS, "options")
        .addJavadoc(OPTIONS_DOC, CLIENT_OPTIONS)
        .addCode(body.build())
        .addStatement("return connect($L)", CodeBlock.join(passed, ", "));
    type.addMethod(method.build());
  }

  private static TypeSpec variableEnum(ClassName enumType, Server server, ServerVariable v) {
    TypeSpec.Builder e = TypeSpec.enumBuilder(enumType)
        .addModifiers(Modifier.PUBLIC)
        .addJavadoc("The values of variable {@code $L} of server {@code $L}.\n", ApiNames.javadoc(v.name()),
            ApiNames.javadoc(server.name()));
    com.palantir.javapoet.NameAllocator constants = new com.palantir.javapoet.NameAllocator();
    for (String value : v.enumValues()) {
      e.addEnumConstant(constants.newName(ApiNames.constantName(value)),
          TypeSpec.anonymousClassBuilder("$S", value).addJavadoc("{@code $L}\n", ApiNames.javadoc(value)).build());
    }
    return e.addField(String.class, "value", Modifier.PRIVATE, Modifier.FINAL)
        .addMethod(MethodSpec.constructorBuilder().addParameter(String.class, "value")
            .addStatement("this.value = value").build())
        .addMethod(MethodSpec.methodBuilder("value").addModifiers(Modifier.PUBLIC).returns(String.class)
            .addJavadoc("The value as the URL has it.\n").addStatement("return value").build())
        .build();
  }

  private static String argDoc(Arg a) {
    String what = switch (a.kind()) {
      case PATH_PARAMETER -> "address parameter {@code " + ApiNames.javadoc(a.key()) + "}, required";
      case QUERY -> "query parameter {@code " + ApiNames.javadoc(a.key()) + "}, or null to leave it out";
      case HEADER -> "header {@code " + ApiNames.javadoc(a.key()) + "}, or null to leave it out";
      case CREDENTIAL -> "credential for security scheme {@code " + ApiNames.javadoc(a.key()) + "}, or null";
    };
    String description = a.description() == null ? "" : ": " + ApiNames.javadoc(a.description());
    return "@param " + a.javaName() + " " + what + description + "\n";
  }

  private static MethodSpec connect(ClassName client, ClassName listener, Endpoint endpoint, List<Arg> args) {
    MethodSpec.Builder method = MethodSpec.methodBuilder("connect")
        .addJavadoc("Connects to the server at {@code server} (scheme, host, port and base path; the channel"
            + " address {@code $L} is appended) and completes when the connection is open."
            + " A {@code wss://} URL is always reached over TLS, the server's certificate checked against the"
            + " host name and the trust store of {@code options} (the JDK's by default); a {@code ws://} URL"
            + " connects plain even when {@code options} has a TLS context.\n\n"
            + "@param server the server's URL, e.g. {@code ws://127.0.0.1:8080} or {@code wss://example.com}\n",
            ApiNames.javadoc(endpoint.address()))
        .addModifiers(Modifier.PUBLIC, Modifier.STATIC)
        .returns(ParameterizedTypeName.get(COMPLETABLE_FUTURE, client))
        .addParameter(ApiTypes.URI, "server");
    CodeBlock.Builder body = CodeBlock.builder()
        .addStatement("$T parameters = new $T<>()", STRING_MAP, LINKED_HASH_MAP)
        .addStatement("$T query = new $T<>()", STRING_MAP, LINKED_HASH_MAP);
    CodeBlock.Builder headers = CodeBlock.builder();
    for (Arg a : args) {
      method.addParameter(String.class, a.javaName()).addJavadoc(argDoc(a));
      switch (a.kind()) {
        case PATH_PARAMETER -> body.addStatement("parameters.put($S, $N)", a.key(), a.javaName());
        case QUERY -> body.addStatement("query.put($S, $N)", a.key(), a.javaName());
        case HEADER -> headers.beginControlFlow("if ($N != null)", a.javaName())
            .addStatement("request = request.withHeader($S, $N)", a.key(), a.javaName()).endControlFlow();
        case CREDENTIAL -> {
          String header = HandshakeArgs.credentialHeader(a.scheme());
          if (header == null) {
            body.addStatement("query.put($S, $N)", a.scheme().parameterName(), a.javaName());
          } else {
            headers.beginControlFlow("if ($N != null)", a.javaName())
                .addStatement("request = request.withHeader($S, $S + $N)", header,
                    HandshakeArgs.credentialPrefix(a.scheme()), a.javaName())
                .endControlFlow();
          }
        }
      }
    }
    method.addParameter(listener, "listener").addParameter(CLIENT_OPTIONS, "options")
        .addJavadoc(OPTIONS_DOC, CLIENT_OPTIONS)
        .addCode(body.build())
        .addStatement("$T request = $T.to($T.join(server.toString(), ADDRESS.expand(parameters), query))",
            CONNECT_REQUEST, CONNECT_REQUEST, URI_TEXT)
        .addCode(headers.build())
        .addStatement("$T client = new $T(listener, options)", client, client)
        .addStatement("return client.transport.connect(request, client.new Events())\n"
            + ".whenComplete((socket, error) -> {\n"
            + "  if (error != null) client.stopTransport();\n"
            + "})\n"
            + ".thenApply(socket -> client)");
    return method.build();
  }

  private static TypeSpec events(ClassName client, ConnectionMembers members) {
    return TypeSpec.classBuilder("Events")
        .addModifiers(Modifier.PRIVATE, Modifier.FINAL)
        .addJavadoc("Turns the connection's events into typed calls on the listener.\n")
        .addSuperinterface(ApiTypes.WEB_SOCKET_LISTENER)
        .addMethod(MethodSpec.methodBuilder("onOpen").addAnnotation(Override.class).addModifiers(Modifier.PUBLIC)
            .addParameter(ApiTypes.WEB_SOCKET, "socket")
            .addStatement("$T.this.socket = socket", client)
            .addStatement("listener.onOpen($T.this)", client).build())
        .addMethod(MethodSpec.methodBuilder("onMessage").addAnnotation(Override.class).addModifiers(Modifier.PUBLIC)
            .addParameter(ApiTypes.WEB_SOCKET, "socket").addParameter(ApiTypes.MESSAGE_EVENT, "event")
            .beginControlFlow("if (event.isText())")
            .addStatement("receive(event.text())")
            .nextControlFlow("else")
            .addStatement("listener.onInvalidMessage(new String(event.bytes(), $T.UTF_8),\nnew $T($T.NOT_JSON, $S))",
                ApiTypes.STANDARD_CHARSETS, ApiTypes.CONTRACT_VIOLATION, ApiTypes.VIOLATION_KIND,
                "a binary message arrived where the contract has JSON text")
            .endControlFlow().build())
        .addMethod(MethodSpec.methodBuilder("onError").addAnnotation(Override.class).addModifiers(Modifier.PUBLIC)
            .addParameter(ApiTypes.WEB_SOCKET, "socket").addParameter(Throwable.class, "error")
            .addStatement("listener.onError(error)").build())
        .addMethod(MethodSpec.methodBuilder("onClose").addAnnotation(Override.class).addModifiers(Modifier.PUBLIC)
            .addParameter(ApiTypes.WEB_SOCKET, "socket").addParameter(ApiTypes.CLOSE_EVENT, "event")
            .addCode(members.failPending("\"code \" + event.code()"))
            .beginControlFlow("try")
            .addStatement("listener.onClose(event)")
            .nextControlFlow("finally")
            .addStatement("stopTransport()")
            .endControlFlow().build())
        .build();
  }
}
