package io.asyncws.generator.emit.api;

import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.JavaFile;
import com.palantir.javapoet.TypeSpec;
import io.asyncws.generator.emit.FileHeader;
import io.asyncws.generator.emit.api.ApiPlan.Endpoint;
import io.asyncws.generator.model.ApiModel;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Generates the WebSocket API of a document: per endpoint (channel address) a client, its
 * listener, a server handler and session, and one server routing them all, plus the shared JSON
 * codec. Payload types come from {@link PayloadTypes}; this emitter writes none of them.
 *
 * <pre>{@code
 * List<JavaFile> files = ApiEmitter.emit(model, new ApiEmitter.Options("com.example.api",
 *     Perspective.SERVER, true, true, "asyncapi.yaml"), modelTypes::typeOf);
 * }</pre>
 */
public final class ApiEmitter {
  private ApiEmitter() {}

  /**
   * What to generate.
   *
   * @param packageName the package of the generated classes
   * @param perspective which side the document describes
   * @param client whether to generate the client classes
   * @param server whether to generate the server classes
   * @param sourceName the document's name for the "generated from" header
   */
  public record Options(
      String packageName, Perspective perspective, boolean client, boolean server, String sourceName) {
    public Options {
      Objects.requireNonNull(packageName, "packageName");
      Objects.requireNonNull(perspective, "perspective");
      Objects.requireNonNull(sourceName, "sourceName");
    }
  }

  /** Whether the document is a WebSocket API: a {@code ws}/{@code wss} server, or no server at all. */
  public static boolean isWebSocketApi(ApiModel model) {
    return ApiPlanner.isWebSocketApi(model);
  }

  /** The generated files, in a stable order. */
  public static List<JavaFile> emit(ApiModel model, Options options, PayloadTypes types) {
    ApiPlan plan = ApiPlanner.plan(model, options.perspective());
    String pkg = options.packageName();
    List<TypeSpec> specs = new ArrayList<>();
    ClassName codec = ClassName.get(pkg, plan.prefix() + "Codec");
    boolean directBinding = plan.endpoints().stream().anyMatch(e ->
        (options.client() && ConnectionMembers.hasDirectPath(e.client(), types))
            || (options.server() && ConnectionMembers.hasDirectPath(e.server(), types)));
    if (options.client() || options.server()) specs.add(CodecEmitter.emit(codec, plan.title(), directBinding));
    List<ServerEmitter.Route> routes = new ArrayList<>();
    for (Endpoint e : plan.endpoints()) {
      String base = plan.prefix() + ApiNames.typeName(e.name()).replace("Api", "");
      if (options.client()) {
        ClassName client = ClassName.get(pkg, base + "Client");
        ClassName listener = ClassName.get(pkg, base + "ClientListener");
        specs.add(ClientEmitter.emit(plan, e, client, listener, codec, types));
        specs.add(ClientListenerEmitter.emit(listener, client, e, types));
      }
      if (options.server()) {
        ClassName session = ClassName.get(pkg, base + "Session");
        ClassName handler = ClassName.get(pkg, base + "Handler");
        ConnectionMembers members = new ConnectionMembers(session, codec, e, e.server(), types);
        specs.add(HandlerEmitter.emit(plan, e, handler, session, ClassName.get(pkg, plan.prefix() + "Server"),
            types, members));
        specs.add(SessionEmitter.emit(e, session, handler, codec, members));
        routes.add(new ServerEmitter.Route(e, handler, session));
      }
    }
    if (options.server() && !routes.isEmpty()) {
      specs.add(ServerEmitter.emit(plan, routes, ClassName.get(pkg, plan.prefix() + "Server"), types));
    }
    List<JavaFile> files = new ArrayList<>();
    for (TypeSpec spec : specs) {
      files.add(FileHeader.javaFile(pkg, spec, options.sourceName()));
    }
    return files;
  }
}
