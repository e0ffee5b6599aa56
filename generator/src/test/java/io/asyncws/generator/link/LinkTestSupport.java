package io.asyncws.generator.link;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.asyncws.generator.diagnostic.Diagnostics;
import io.asyncws.generator.load.DocumentLoader;
import io.asyncws.generator.model.ApiModel;
import io.asyncws.generator.tree.MappingNode;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;

/** Loads single-file documents and links them with {@link LocalRefs}. */
final class LinkTestSupport {
  static final Path CORPUS = Path.of("src/test/resources/corpus");

  private LinkTestSupport() {}

  static ApiModel linkCorpus(String relative) {
    return link(new DocumentLoader().load(CORPUS.resolve(relative), new Diagnostics()).orElseThrow());
  }

  static ApiModel linkText(String yaml) {
    Diagnostics d = new Diagnostics();
    return link(new DocumentLoader().load(Path.of("doc.yaml"), yaml.getBytes(StandardCharsets.UTF_8), d).orElseThrow());
  }

  private static ApiModel link(io.asyncws.generator.tree.Node root) {
    Diagnostics diagnostics = new Diagnostics();
    ApiModel model = Linker.link((MappingNode) root, new LocalRefs(root), diagnostics);
    assertEquals(List.of(), diagnostics.sorted(), "linking reported problems");
    return model;
  }
}
