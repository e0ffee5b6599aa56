package io.asyncws.maven;

import io.asyncws.generator.diagnostic.Diagnostics;
import io.asyncws.generator.load.LoadLimits;
import io.asyncws.generator.resolve.DocumentSet;
import io.asyncws.generator.resolve.ResolveOptions;
import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The checksum that decides whether an execution may skip generation: SHA-256 over the generator's
 * identity, the execution's {@link GenerationConfig}, and the bytes of the contract and of every
 * document its {@code $ref}s reach (found by the generator's own resolver, so it is exactly the
 * set the generator reads). Any change to any of them gives another checksum.
 */
final class InputDigest {
  private InputDigest() {}

  /**
   * The checksum, or empty when it cannot be known without generating: the contract does not
   * load, or it reaches an {@code http(s)} document whose content may change under the same URL
   * (such a contract is regenerated on every build).
   *
   * @param generatorIdentity the plugin's and generator's versions, see {@link GeneratorIdentity}
   */
  static Optional<String> compute(GenerationConfig config, String generatorIdentity) throws IOException {
    // Diagnostics are the generator's to report when it reads the contract; here a problem only
    // means "cannot skip".
    Diagnostics ignored = new Diagnostics();
    ResolveOptions options = ResolveOptions.defaults()
        .withAllowRemoteRefs(config.allowRemoteRefs())
        .withLoadLimits(LoadLimits.defaults());
    DocumentSet documents = DocumentSet.open(config.inputSpec(), options, ignored);
    if (documents.root().isEmpty()) return Optional.empty();
    documents.resolveAll();
    if (ignored.hasErrors()) return Optional.empty();

    List<String> lines = new ArrayList<>();
    lines.add("generator=" + generatorIdentity);
    lines.addAll(config.fingerprint());
    for (URI document : documents.documents()) {
      if (!"file".equals(document.getScheme())) return Optional.empty();
      lines.add("document=" + document + " " + Sha256.ofFile(Path.of(document)));
    }
    return Optional.of(Sha256.of(String.join("\n", lines).getBytes(StandardCharsets.UTF_8)));
  }
}
