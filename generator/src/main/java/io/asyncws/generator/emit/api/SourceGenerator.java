package io.asyncws.generator.emit.api;

import com.palantir.javapoet.JavaFile;
import com.palantir.javapoet.TypeName;
import io.asyncws.generator.emit.model.ModelTypes;
import io.asyncws.generator.model.ApiModel;
import io.asyncws.generator.model.SchemaRef;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Everything {@code asyncws generate} writes for one document: the payload models and, for a
 * WebSocket API, the client and server. The one place that joins the model emitter and the API
 * emitters, so that the CLI, the Maven plugin and the tests generate the same files.
 */
public final class SourceGenerator {
  private SourceGenerator() {}

  /** Which parts to generate. */
  public enum Parts {
    /** Payload models only. */
    MODELS,
    /** Models and the client. */
    CLIENT,
    /** Models and the server. */
    SERVER,
    /** Models, client and server (for WebSocket APIs; models only otherwise). */
    ALL
  }

  /**
   * The files for {@code model}, sorted by class name.
   *
   * @param sourceName the document's file name, for the headers
   */
  public static List<JavaFile> generate(
      ApiModel model, String packageName, Parts parts, Perspective perspective, String sourceName) {
    return generate(model, packageName, packageName, parts, perspective, sourceName);
  }

  /**
   * The files for {@code model}, sorted by class name, with the payload models in one package and
   * the client, server and codec in another (the Maven plugin's {@code modelPackage} and {@code
   * apiPackage}); the API reaches the models only through their type names, so any two packages
   * work.
   *
   * @param sourceName the document's file name, for the headers
   */
  public static List<JavaFile> generate(
      ApiModel model,
      String modelPackage,
      String apiPackage,
      Parts parts,
      Perspective perspective,
      String sourceName) {
    ModelTypes models = ModelTypes.of(model, modelPackage);
    List<JavaFile> files = new ArrayList<>(models.emit());
    boolean explicit = parts == Parts.CLIENT || parts == Parts.SERVER;
    if (parts != Parts.MODELS && (explicit || ApiEmitter.isWebSocketApi(model))) {
      ApiEmitter.Options options = new ApiEmitter.Options(apiPackage, perspective,
          parts == Parts.ALL || parts == Parts.CLIENT, parts == Parts.ALL || parts == Parts.SERVER, sourceName);
      PayloadTypes types =
          new PayloadTypes() {
            @Override
            public TypeName typeOf(SchemaRef schema) {
              return models.typeOf(schema);
            }

            @Override
            public boolean isRecord(SchemaRef schema) {
              return models.isRecord(schema);
            }
          };
      files.addAll(ApiEmitter.emit(model, options, types));
    }
    files.sort(Comparator.comparing(f -> f.typeSpec().name()));
    return List.copyOf(files);
  }
}
