package io.asyncws.maven;

import io.asyncws.generator.emit.api.Perspective;
import io.asyncws.generator.emit.api.SourceGenerator;
import java.nio.file.Path;
import java.util.List;

/**
 * Everything in one execution's configuration that changes what is generated, checked and
 * normalised. Its {@link #fingerprint()} goes into the checksum, so a changed package or part
 * regenerates even though the contract did not change.
 *
 * @param inputSpec the contract
 * @param output the source root the files go under
 * @param modelPackage the package of the payload models
 * @param apiPackage the package of the client, server and codec
 * @param generateModels whether the model classes are written (the API needs them all the same;
 *     {@code false} means they come from elsewhere, in {@code modelPackage})
 * @param generateClient whether the client classes are written
 * @param generateServer whether the server classes are written
 * @param perspective which application the contract describes
 * @param allowRemoteRefs whether {@code http(s)} {@code $ref}s are fetched
 */
record GenerationConfig(
    Path inputSpec,
    Path output,
    String modelPackage,
    String apiPackage,
    boolean generateModels,
    boolean generateClient,
    boolean generateServer,
    Perspective perspective,
    boolean allowRemoteRefs) {

  /** The parts to ask the generator for; the models always come, being what the API is typed by. */
  SourceGenerator.Parts parts() {
    if (generateClient && generateServer) return SourceGenerator.Parts.ALL;
    if (generateClient) return SourceGenerator.Parts.CLIENT;
    if (generateServer) return SourceGenerator.Parts.SERVER;
    return SourceGenerator.Parts.MODELS;
  }

  /** Whether anything at all is to be written. */
  boolean generatesAnything() {
    return generateModels || generateClient || generateServer;
  }

  /** One line per setting, in a fixed order: the configuration's share of the checksum. */
  List<String> fingerprint() {
    return List.of(
        "inputSpec=" + inputSpec.toAbsolutePath().normalize(),
        "output=" + output.toAbsolutePath().normalize(),
        "modelPackage=" + modelPackage,
        "apiPackage=" + apiPackage,
        "generateModels=" + generateModels,
        "generateClient=" + generateClient,
        "generateServer=" + generateServer,
        "perspective=" + perspective,
        "allowRemoteRefs=" + allowRemoteRefs);
  }
}
