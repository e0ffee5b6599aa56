package io.asyncws.maven;

import io.asyncws.generator.AsyncApiReader;
import io.asyncws.generator.ReadResult;
import io.asyncws.generator.diagnostic.Diagnostic;
import io.asyncws.generator.diagnostic.Severity;
import io.asyncws.generator.emit.api.Perspective;
import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import javax.lang.model.SourceVersion;
import org.apache.maven.plugin.AbstractMojo;
import org.apache.maven.plugin.MojoExecution;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugin.descriptor.PluginDescriptor;
import org.apache.maven.plugins.annotations.LifecyclePhase;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;
import org.apache.maven.project.MavenProject;

/**
 * Generates Java 17 sources from an AsyncAPI contract: the payload models and, for a WebSocket
 * API, the typed client and server. Parameters are named as openapi-generator's Maven plugin
 * names them. Contract errors fail the build with {@code file:line:column: error: ...} lines in
 * the log.
 *
 * <p>An execution whose contract, referenced documents, configuration and generator are all
 * unchanged since its last run, and whose generated files are all still there, is skipped; its
 * checksum is kept in {@code target/asyncws/<executionId>.sha256}, so several executions, one per
 * contract, never share state.
 */
@Mojo(name = "generate", defaultPhase = LifecyclePhase.GENERATE_SOURCES, threadSafe = true)
public final class GenerateMojo extends AbstractMojo {

  /** The AsyncAPI 2.x or 3.x contract, YAML or JSON. */
  @Parameter(property = "asyncws.inputSpec", required = true)
  private File inputSpec;

  /** The source root the generated packages go under; added to the compile source roots. */
  @Parameter(property = "asyncws.output", defaultValue = "${project.build.directory}/generated-sources/asyncws")
  private File output;

  /** The package of everything generated, unless {@code modelPackage} or {@code apiPackage} says otherwise. */
  @Parameter(property = "asyncws.packageName")
  private String packageName;

  /** The package of the payload models; defaults to {@code packageName}. */
  @Parameter(property = "asyncws.modelPackage")
  private String modelPackage;

  /** The package of the client, server and codec; defaults to {@code packageName}. */
  @Parameter(property = "asyncws.apiPackage")
  private String apiPackage;

  /**
   * Whether the payload model classes are written. The client and server are typed by them, so
   * {@code false} means the project gets them from elsewhere, in {@code modelPackage}.
   */
  @Parameter(property = "asyncws.generateModels", defaultValue = "true")
  private boolean generateModels;

  /** Whether the typed client classes are written. */
  @Parameter(property = "asyncws.generateClient", defaultValue = "true")
  private boolean generateClient;

  /** Whether the typed server classes are written. */
  @Parameter(property = "asyncws.generateServer", defaultValue = "true")
  private boolean generateServer;

  /**
   * Which application the contract describes: {@code server} (its {@code send} operations are
   * what the server sends) or {@code client}.
   */
  @Parameter(property = "asyncws.perspective", defaultValue = "server")
  private String perspective;

  /** Whether {@code $ref}s to http(s) URLs are fetched; off so that builds stay offline and reproducible. */
  @Parameter(property = "asyncws.allowRemoteRefs", defaultValue = "false")
  private boolean allowRemoteRefs;

  /** Skips this goal altogether. */
  @Parameter(property = "asyncws.skip", defaultValue = "false")
  private boolean skip;

  /**
   * Skips generation when the contract, every file it references, this configuration and the
   * plugin are unchanged since this execution last generated, and its files are untouched.
   */
  @Parameter(property = "asyncws.skipIfSpecIsUnchanged", defaultValue = "true")
  private boolean skipIfSpecIsUnchanged;

  /** Whether {@code output} is added to the project's compile source roots. */
  @Parameter(property = "asyncws.addCompileSourceRoot", defaultValue = "true")
  private boolean addCompileSourceRoot;

  /** Where each execution keeps its {@code <executionId>.sha256} state. */
  @Parameter(defaultValue = "${project.build.directory}/asyncws", readonly = true, required = true)
  private File stateDirectory;

  @Parameter(defaultValue = "${project}", readonly = true, required = true)
  private MavenProject project;

  @Parameter(defaultValue = "${mojoExecution}", readonly = true, required = true)
  private MojoExecution mojoExecution;

  @Parameter(defaultValue = "${plugin}", readonly = true, required = true)
  private PluginDescriptor plugin;

  @Override
  public void execute() throws MojoExecutionException, MojoFailureException {
    if (skip) {
      getLog().info("asyncws: skipped (asyncws.skip).");
      return;
    }
    GenerationConfig config = config();
    Path stateFile = stateDirectory.toPath().resolve(fileName(mojoExecution.getExecutionId()) + ".sha256");
    try {
      Optional<String> digest = InputDigest.compute(config, GeneratorIdentity.of(plugin));
      Optional<GenerationState> previous = GenerationState.read(stateFile);
      if (skipIfSpecIsUnchanged && digest.isPresent() && previous.isPresent()
          && previous.get().inputDigest().equals(digest.get()) && previous.get().intact()) {
        getLog().info("asyncws: " + inputSpec + " and the files it references are unchanged since the last"
            + " generation; skipped (delete " + stateFile + " to force it).");
      } else {
        generate(config, digest, previous, stateFile);
      }
    } catch (IOException e) {
      throw new MojoExecutionException("asyncws: cannot generate from " + inputSpec + ": " + e.getMessage(), e);
    }
    if (addCompileSourceRoot) project.addCompileSourceRoot(config.output().toString());
  }

  private void generate(GenerationConfig config, Optional<String> digest, Optional<GenerationState> previous,
      Path stateFile) throws IOException, MojoFailureException {
    // Gone first: a build that fails half way must not leave a state saying all is well.
    Files.deleteIfExists(stateFile);
    ReadResult result = AsyncApiReader.read(config.inputSpec(),
        AsyncApiReader.Options.defaults().withAllowRemoteRefs(config.allowRemoteRefs()));
    for (Diagnostic diagnostic : result.diagnostics()) {
      if (diagnostic.severity() == Severity.ERROR) {
        getLog().error(diagnostic.toString());
      } else {
        getLog().warn(diagnostic.toString());
      }
    }
    if (result.model().isEmpty()) {
      long errors = result.errorCount();
      throw new MojoFailureException("asyncws: " + inputSpec + " has " + errors + (errors == 1 ? " error" : " errors")
          + " (listed above); nothing was generated.");
    }
    if (previous.isPresent()) previous.get().deleteFiles();
    Map<String, String> written =
        config.generatesAnything() ? SourceWriter.write(result.model().get(), config) : Map.of();
    getLog().info("asyncws: generated " + written.size() + (written.size() == 1 ? " file" : " files") + " from "
        + inputSpec + " under " + config.output());
    // Without a digest (remote refs) there is nothing to compare next time; the file list is still
    // kept so that the next run removes what this one wrote.
    new GenerationState(digest.orElse("none"), config.output().toAbsolutePath().normalize(), written)
        .write(stateFile);
  }

  /** The parameters checked and normalised; a mistake here is the user's to fix, so a failure. */
  private GenerationConfig config() throws MojoFailureException {
    String models = modelPackage != null ? modelPackage : packageName;
    String api = apiPackage != null ? apiPackage : packageName;
    if (models == null || api == null) {
      throw new MojoFailureException("asyncws: set <packageName> (or both <modelPackage> and <apiPackage>).");
    }
    for (String name : new String[] {models, api}) {
      if (!SourceVersion.isName(name)) {
        throw new MojoFailureException("asyncws: '" + name + "' is not a Java package name.");
      }
    }
    Perspective side = switch (perspective.toLowerCase(Locale.ROOT)) {
      case "server" -> Perspective.SERVER;
      case "client" -> Perspective.CLIENT;
      default -> throw new MojoFailureException(
          "asyncws: <perspective> is 'server' or 'client', not '" + perspective + "'.");
    };
    if (!inputSpec.isFile()) {
      throw new MojoFailureException("asyncws: the contract " + inputSpec + " does not exist.");
    }
    return new GenerationConfig(inputSpec.toPath(), output.toPath(), models, api,
        generateModels, generateClient, generateServer, side, allowRemoteRefs);
  }

  /** An execution id as a file name: ids are free text in the POM. */
  private static String fileName(String executionId) {
    return executionId.replaceAll("[^A-Za-z0-9._-]", "_");
  }
}
