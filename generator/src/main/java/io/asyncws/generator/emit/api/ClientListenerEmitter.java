package io.asyncws.generator.emit.api;

import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.MethodSpec;
import com.palantir.javapoet.TypeSpec;
import io.asyncws.generator.emit.api.ApiPlan.Endpoint;
import io.asyncws.generator.model.Message;
import javax.lang.model.element.Modifier;

/**
 * Emits {@code XxxClientListener}: one default no-op method per message the client receives,
 * plus the error callback that hears about every message that breaks the contract.
 */
final class ClientListenerEmitter {
  private ClientListenerEmitter() {}

  static TypeSpec emit(ClassName listener, ClassName client, Endpoint endpoint, PayloadTypes types) {
    TypeSpec.Builder type = TypeSpec.interfaceBuilder(listener)
        .addModifiers(Modifier.PUBLIC)
        .addJavadoc("What a {@link $T} hears from the server on {@code $L}. Every method has a default: override"
            + " those you need.\n\n<p>Threading: the methods run on the connection's event-loop thread, one at a"
            + " time; hand long work to another executor.\n", client, ApiNames.javadoc(endpoint.address()));
    type.addMethod(MethodSpec.methodBuilder("onOpen")
        .addJavadoc("The connection is open, before any message is delivered: keep {@code client} to answer"
            + " requests from the listener's methods.\n\n@param client the connected client\n")
        .addModifiers(Modifier.PUBLIC, Modifier.DEFAULT)
        .addParameter(client, "client")
        .build());
    for (Message m : endpoint.client().receives()) {
      type.addMethod(MethodSpec.methodBuilder("on" + ApiNames.capitalize(endpoint.nameOf(m)))
          .addJavadoc(ConnectionMembers.describe(m, endpoint.client().operations().get(m))
              + "\n\n@param message the message\n")
          .addModifiers(Modifier.PUBLIC, Modifier.DEFAULT)
          .addParameter(ConnectionMembers.payloadType(types, m), "message")
          .build());
    }
    type.addMethod(MethodSpec.methodBuilder("onInvalidMessage")
        .addJavadoc("A message that breaks the contract: not JSON, none of the messages expected, or one that"
            + " does not fit its schema. The connection stays open. By default it is logged as a warning.\n\n"
            + "@param raw the message as received (binary messages decoded as UTF-8)\n@param error what is wrong\n")
        .addModifiers(Modifier.PUBLIC, Modifier.DEFAULT)
        .addParameter(String.class, "raw")
        .addParameter(ApiTypes.CONTRACT_VIOLATION, "error")
        .addStatement("$T.getLogger($T.class.getName()).log($T.Level.WARNING, $S + raw, error)",
            System.class, listener, ApiTypes.SYSTEM_LOGGER, "invalid message: ")
        .build());
    type.addMethod(MethodSpec.methodBuilder("onError")
        .addJavadoc("The connection failed or a callback threw; {@link #onClose} follows. Logged by default.\n\n"
            + "@param error what happened\n")
        .addModifiers(Modifier.PUBLIC, Modifier.DEFAULT)
        .addParameter(Throwable.class, "error")
        .addStatement("$T.getLogger($T.class.getName()).log($T.Level.WARNING, $S, error)",
            System.class, listener, ApiTypes.SYSTEM_LOGGER, "connection error")
        .build());
    type.addMethod(MethodSpec.methodBuilder("onClose")
        .addJavadoc("The connection closed; waiting requests have failed.\n\n@param event the close code and reason\n")
        .addModifiers(Modifier.PUBLIC, Modifier.DEFAULT)
        .addParameter(ApiTypes.CLOSE_EVENT, "event")
        .build());
    return type.build();
  }
}
