package io.asyncws.generator.emit.api;

import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.CodeBlock;
import com.palantir.javapoet.MethodSpec;
import com.palantir.javapoet.ParameterizedTypeName;
import com.palantir.javapoet.TypeSpec;
import io.asyncws.generator.emit.api.ApiPlan.Endpoint;
import io.asyncws.generator.model.Parameter;
import java.util.ArrayList;
import java.util.List;
import javax.lang.model.element.Modifier;

/**
 * Emits {@code XxxSession}: the server's side of one client connection, with the typed sends,
 * requests and reply helpers of the server, the address parameters the client connected with and
 * the handshake it sent.
 */
final class SessionEmitter {
  private SessionEmitter() {}

  static TypeSpec emit(Endpoint endpoint, ClassName session, ClassName handler, ClassName codec,
      ConnectionMembers members) {
    List<String> params = HandlerEmitter.parameterNames(endpoint);
    TypeSpec.Builder type = TypeSpec.classBuilder(session)
        .addModifiers(Modifier.PUBLIC, Modifier.FINAL)
        .addJavadoc("One client's connection to the server on {@code $L}, as the server sees it.\n\n"
            + "<p>Thread-safety: every method may be called from any thread.\n", ApiNames.javadoc(endpoint.address()))
        .addField(ApiTypes.HANDSHAKE_REQUEST, "handshake", Modifier.PRIVATE, Modifier.FINAL)
        .addField(handler, "handler", Modifier.PRIVATE, Modifier.FINAL)
        .addField(ParameterizedTypeName.get(ApiTypes.SET, session), "sessions", Modifier.PRIVATE, Modifier.FINAL);
    for (String p : params) type.addField(String.class, p, Modifier.PRIVATE, Modifier.FINAL);
    members.addFields(type);
    MethodSpec.Builder constructor = MethodSpec.constructorBuilder()
        .addParameter(ApiTypes.HANDSHAKE_REQUEST, "handshake")
        .addParameter(ParameterizedTypeName.get(ApiTypes.MAP, ClassName.get(String.class), ClassName.get(String.class)),
            "parameters")
        .addParameter(handler, "handler")
        .addParameter(ParameterizedTypeName.get(ApiTypes.SET, session), "sessions")
        .addParameter(ApiTypes.CLIENT_OPTIONS, "options")
        .addStatement("this.handshake = handshake")
        .addStatement("this.handler = handler")
        .addStatement("this.sessions = sessions");
    for (int i = 0; i < params.size(); i++) {
      constructor.addStatement("this.$N = parameters.get($S)", params.get(i), endpoint.parameters().get(i).name());
    }
    type.addMethod(constructor.addCode(members.initFields()).build());
    type.addMethod(MethodSpec.methodBuilder("handshake")
        .addJavadoc("The opening handshake the client sent: path, query, headers, origin.\n")
        .addModifiers(Modifier.PUBLIC).returns(ApiTypes.HANDSHAKE_REQUEST).addStatement("return handshake").build());
    for (int i = 0; i < params.size(); i++) {
      Parameter p = endpoint.parameters().get(i);
      type.addMethod(MethodSpec.methodBuilder(params.get(i))
          .addJavadoc("Address parameter {@code $L}$L.\n", ApiNames.javadoc(p.name()),
              p.description() == null ? "" : ": " + ApiNames.javadoc(p.description()))
          .addModifiers(Modifier.PUBLIC).returns(String.class).addStatement("return $N", params.get(i)).build());
    }
    members.addMethods(type);
    CodeBlock paramArgs = CodeBlock.join(params.stream().map(p -> CodeBlock.of("$N, ", p)).toList(), "");
    members.addReceive(type,
        m -> CodeBlock.of("handler.on$L(this, $Lmessage)", ApiNames.capitalize(endpoint.nameOf(m)), paramArgs),
        (text, error) -> CodeBlock.of("handler.onInvalidMessage(this, $N, $N)", text, error));
    members.addRecognition(type);
    type.addMethod(MethodSpec.methodBuilder("events")
        .addJavadoc("The listener the runtime calls for this session's connection.\n")
        .returns(ApiTypes.WEB_SOCKET_LISTENER)
        .addStatement("return new Events()").build());
    type.addType(events(session, members));
    return type.build();
  }

  private static TypeSpec events(ClassName session, ConnectionMembers members) {
    List<MethodSpec> methods = new ArrayList<>();
    methods.add(MethodSpec.methodBuilder("onOpen").addAnnotation(Override.class).addModifiers(Modifier.PUBLIC)
        .addParameter(ApiTypes.WEB_SOCKET, "socket")
        .addStatement("$T.this.socket = socket", session)
        .addStatement("sessions.add($T.this)", session)
        .addStatement("handler.onOpen($T.this)", session).build());
    methods.add(MethodSpec.methodBuilder("onMessage").addAnnotation(Override.class).addModifiers(Modifier.PUBLIC)
        .addParameter(ApiTypes.WEB_SOCKET, "socket").addParameter(ApiTypes.MESSAGE_EVENT, "event")
        .beginControlFlow("if (event.isText())")
        .addStatement("receive(event.text())")
        .nextControlFlow("else")
        .addStatement("handler.onInvalidMessage($T.this, new String(event.bytes(), $T.UTF_8),\nnew $T($T.NOT_JSON, $S))",
            session, ApiTypes.STANDARD_CHARSETS, ApiTypes.CONTRACT_VIOLATION, ApiTypes.VIOLATION_KIND,
            "a binary message arrived where the contract has JSON text")
        .endControlFlow().build());
    methods.add(MethodSpec.methodBuilder("onError").addAnnotation(Override.class).addModifiers(Modifier.PUBLIC)
        .addParameter(ApiTypes.WEB_SOCKET, "socket").addParameter(Throwable.class, "error")
        .addStatement("handler.onError($T.this, error)", session).build());
    methods.add(MethodSpec.methodBuilder("onClose").addAnnotation(Override.class).addModifiers(Modifier.PUBLIC)
        .addParameter(ApiTypes.WEB_SOCKET, "socket").addParameter(ApiTypes.CLOSE_EVENT, "event")
        .addStatement("sessions.remove($T.this)", session)
        .addCode(members.failPending("\"code \" + event.code()"))
        .addStatement("handler.onClose($T.this, event)", session).build());
    return TypeSpec.classBuilder("Events")
        .addModifiers(Modifier.PRIVATE, Modifier.FINAL)
        .addJavadoc("Turns the connection's events into typed calls on the handler.\n")
        .addSuperinterface(ApiTypes.WEB_SOCKET_LISTENER)
        .addMethods(methods)
        .build();
  }
}
