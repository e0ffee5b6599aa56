package io.asyncws.maven;

import com.palantir.javapoet.JavaFile;
import io.asyncws.generator.emit.api.SourceGenerator;
import io.asyncws.generator.model.ApiModel;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;

/** Generates one contract's sources as configured and writes them under the output folder. */
final class SourceWriter {
  private SourceWriter() {}

  /**
   * Writes the files and returns each one's path relative to the output folder ({@code /}
   * separators) with its SHA-256, for the {@link GenerationState}.
   */
  static Map<String, String> write(ApiModel model, GenerationConfig config) throws IOException {
    String sourceName = String.valueOf(config.inputSpec().getFileName());
    List<JavaFile> files = SourceGenerator.generate(model, config.modelPackage(), config.apiPackage(),
        config.parts(), config.perspective(), sourceName);
    if (!config.generateModels()) {
      // The API is typed by the models, so the generator always makes them; here they are left
      // out because the project gets them from elsewhere (another module, another execution).
      Set<String> models = SourceGenerator.generate(model, config.modelPackage(), config.modelPackage(),
              SourceGenerator.Parts.MODELS, config.perspective(), sourceName)
          .stream().map(SourceWriter::qualifiedName).collect(Collectors.toSet());
      files = files.stream().filter(f -> !models.contains(qualifiedName(f))).collect(Collectors.toList());
    }
    Path root = config.output().toAbsolutePath().normalize();
    Map<String, String> written = new TreeMap<>();
    for (JavaFile file : files) {
      Path path = file.writeToPath(root);
      written.put(root.relativize(path).toString().replace('\\', '/'), Sha256.ofFile(path));
    }
    return written;
  }

  private static String qualifiedName(JavaFile file) {
    return file.packageName() + "." + file.typeSpec().name();
  }
}
