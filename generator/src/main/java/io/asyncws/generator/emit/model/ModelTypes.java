package io.asyncws.generator.emit.model;

import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.JavaFile;
import com.palantir.javapoet.TypeName;
import com.palantir.javapoet.TypeSpec;
import io.asyncws.generator.emit.FileHeader;
import io.asyncws.generator.emit.TypeNames;
import io.asyncws.generator.model.ApiModel;
import io.asyncws.generator.model.SchemaGraph;
import io.asyncws.generator.model.SchemaModel;
import io.asyncws.generator.model.SchemaRef;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * The payload models of one document: which Java type every schema maps to, and the files that
 * declare the generated ones. Other emitters (client, server) ask {@link #typeOf} for the types of
 * payloads, headers and parameters, so they always agree with the emitted models.
 *
 * <pre>{@code
 * ModelTypes models = ModelTypes.of(api, "com.example.api");
 * TypeName payload = models.typeOf(message.payload()); // e.g. com.example.api.Ping
 * List<JavaFile> files = models.emit();
 * }</pre>
 *
 * <p>Instances are not thread-safe: they memoize types as they are asked.
 */
public final class ModelTypes {
  private final ModelPlan plan;

  private ModelTypes(ModelPlan plan) {
    this.plan = plan;
  }

  /** The models of {@code api}, declared in {@code packageName}. */
  public static ModelTypes of(ApiModel api, String packageName) {
    return of(
        api.schemas(),
        packageName,
        sourceName(api.location() == null ? null : api.location().file()));
  }

  /**
   * The models of every schema in {@code graph}.
   *
   * @param sourceName the document named in each file's header, e.g. {@code asyncapi.yaml}
   */
  public static ModelTypes of(SchemaGraph graph, String packageName, String sourceName) {
    return new ModelTypes(new ModelPlan(graph, packageName, sourceName));
  }

  /** The package the models are declared in. */
  public String packageName() {
    return plan.packageName;
  }

  /**
   * The Java type values of {@code schema} have: a generated record, enum or sealed interface, or
   * {@code String}, {@code Long}, {@code Integer}, {@code Double}, {@code Boolean}, {@code
   * OffsetDateTime}, {@code LocalDate}, {@code UUID}, {@code URI}, {@code byte[]}, {@code List<T>},
   * {@code Map<String, T>}, or {@code JsonNode} for schemas that allow any JSON (and for a null
   * {@code schema}: a message without a payload schema). Never a primitive: every type may be null.
   */
  public TypeName typeOf(SchemaRef schema) {
    return plan.typeOf(schema);
  }

  /** Whether {@code schema} is generated as a record (an object schema with properties). */
  public boolean isRecord(SchemaRef schema) {
    return plan.kind(schema.get()) == ModelPlan.Kind.RECORD;
  }

  /** The class generated for {@code schema}, if it gets one (records, enums, unions). */
  public Optional<ClassName> generatedClass(SchemaRef schema) {
    SchemaModel s = schema.get();
    return plan.kind(s) == ModelPlan.Kind.LIBRARY
        ? Optional.empty()
        : Optional.of(plan.className(s));
  }

  /**
   * Whether some model uses {@code java.time} ({@code date-time}, {@code date}): then the {@code
   * ObjectMapper} that reads and writes the models needs Jackson's {@code JavaTimeModule} ({@code
   * jackson-datatype-jsr310}).
   */
  public boolean needsJavaTimeModule() {
    for (SchemaModel schema : plan.schemas()) {
      // Every inline schema is in the graph too, so List<OffsetDateTime> items are seen directly.
      TypeName type = plan.typeOf(plan.graph.ref(schema.name()));
      if (type.equals(TypeNames.OFFSET_DATE_TIME) || type.equals(TypeNames.LOCAL_DATE)) return true;
    }
    return false;
  }

  /** Every model file, sorted by class name. */
  public List<JavaFile> emit() {
    List<JavaFile> files = new ArrayList<>();
    for (SchemaModel schema : plan.schemas()) {
      TypeSpec type =
          switch (plan.kind(schema)) {
            case RECORD -> new RecordEmitter(plan).emit(schema);
            case ENUM -> EnumEmitter.emit(plan, schema);
            case UNION -> new UnionEmitter(plan).emit(schema);
            case LIBRARY -> null;
          };
      if (type != null) files.add(FileHeader.javaFile(plan.packageName, type, plan.sourceName));
    }
    files.sort(Comparator.comparing(f -> f.typeSpec().name()));
    return List.copyOf(files);
  }

  private static String sourceName(Path file) {
    return file == null || file.getFileName() == null
        ? "an AsyncAPI document"
        : file.getFileName().toString();
  }
}
