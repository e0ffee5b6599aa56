package io.asyncws.generator.emit.api;

import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.MethodSpec;
import com.palantir.javapoet.TypeSpec;
import io.asyncws.generator.emit.api.ApiPlan.Endpoint;
import io.asyncws.generator.model.Message;
import io.asyncws.generator.model.Parameter;
import io.asyncws.generator.model.SecurityScheme;
import java.util.List;
import javax.lang.model.element.Modifier;

/**
 * Emits {@code XxxHandler}, what the server application implements: one method per message the
 * server receives (abstract: the contract says the server handles it), authentication when the
 * servers declare security schemes, and lifecycle callbacks with defaults.
 */
final class HandlerEmitter {
  private HandlerEmitter() {}

  static TypeSpec emit(ApiPlan plan, Endpoint endpoint, ClassName handler, ClassName session, ClassName server,
      PayloadTypes types, ConnectionMembers members) {
    TypeSpec.Builder type = TypeSpec.interfaceBuilder(handler)
        .addModifiers(Modifier.PUBLIC)
        .addJavadoc("What the application does when a client of {@link $T} talks to it on {@code $L}.\n\n"
            + "<p>Threading: the methods of one session run on its event-loop thread, one at a time; sessions"
            + " on other loops run concurrently. Hand long work to another executor and answer through the"
            + " session later.\n", server, ApiNames.javadoc(endpoint.address()));
    for (Message m : endpoint.server().receives()) {
      MethodSpec.Builder method = MethodSpec.methodBuilder("on" + ApiNames.capitalize(endpoint.nameOf(m)))
          .addJavadoc(ConnectionMembers.describe(m, endpoint.server().operations().get(m)) + "\n\n")
          .addModifiers(Modifier.PUBLIC)
          .addParameter(session, "session")
          .addJavadoc("@param session the client's connection, to answer on\n");
      for (String p : parameterNames(endpoint)) {
        method.addParameter(String.class, p).addJavadoc("@param $N the address parameter\n", p);
      }
      method.addParameter(ConnectionMembers.payloadType(types, m), "message").addJavadoc("@param message the message\n");
      if (members.isOnlyReply(m)) {
        method.addModifiers(Modifier.DEFAULT)
            .addJavadoc("\n<p>Called only for a reply that matches no waiting request; ignored by default.\n");
      } else {
        method.addModifiers(Modifier.ABSTRACT);
      }
      type.addMethod(method.build());
    }
    if (!plan.schemes().isEmpty()) {
      MethodSpec.Builder auth = MethodSpec.methodBuilder("authenticate")
          .addJavadoc("Decides whether a client may connect, from the credentials of the API's security schemes;"
              + " a refused client gets HTTP 401.\n\n@param request the opening handshake\n")
          .addModifiers(Modifier.PUBLIC, Modifier.ABSTRACT)
          .returns(boolean.class)
          .addParameter(ApiTypes.HANDSHAKE_REQUEST, "request");
      for (SecurityScheme s : plan.schemes()) {
        String name = ApiNames.memberName(s.name());
        auth.addParameter(String.class, name)
            .addJavadoc("@param $N the credential of scheme {@code $L}, or null when the client sent none\n",
                name, ApiNames.javadoc(s.name()));
      }
      type.addMethod(auth.addJavadoc("@return true to open the connection\n").build());
    }
    type.addMethod(MethodSpec.methodBuilder("onOpen")
        .addJavadoc("A client connected; the session can send from now on.\n\n@param session the new session\n")
        .addModifiers(Modifier.PUBLIC, Modifier.DEFAULT).addParameter(session, "session").build());
    type.addMethod(MethodSpec.methodBuilder("onInvalidMessage")
        .addJavadoc("A message that breaks the contract; the connection stays open. Logged as a warning by"
            + " default.\n\n@param session the sender\n@param raw the message as received\n@param error what is"
            + " wrong\n")
        .addModifiers(Modifier.PUBLIC, Modifier.DEFAULT)
        .addParameter(session, "session").addParameter(String.class, "raw")
        .addParameter(ApiTypes.CONTRACT_VIOLATION, "error")
        .addStatement("$T.getLogger($T.class.getName()).log($T.Level.WARNING, $S + raw, error)",
            System.class, handler, ApiTypes.SYSTEM_LOGGER, "invalid message: ")
        .build());
    type.addMethod(MethodSpec.methodBuilder("onError")
        .addJavadoc("The connection failed or a handler method threw; {@link #onClose} follows. Logged by"
            + " default.\n\n@param session the session\n@param error what happened\n")
        .addModifiers(Modifier.PUBLIC, Modifier.DEFAULT)
        .addParameter(session, "session").addParameter(Throwable.class, "error")
        .addStatement("$T.getLogger($T.class.getName()).log($T.Level.WARNING, $S, error)",
            System.class, handler, ApiTypes.SYSTEM_LOGGER, "session error")
        .build());
    type.addMethod(MethodSpec.methodBuilder("onClose")
        .addJavadoc("A session ended.\n\n@param session the session\n@param event the close code and reason\n")
        .addModifiers(Modifier.PUBLIC, Modifier.DEFAULT)
        .addParameter(session, "session").addParameter(ApiTypes.CLOSE_EVENT, "event").build());
    return type.build();
  }

  /** The Java names of the endpoint's address parameters, in order. */
  static List<String> parameterNames(Endpoint endpoint) {
    return endpoint.parameters().stream().map(Parameter::name).map(ApiNames::memberName).toList();
  }
}
