package io.asyncws.generator.validate.structure;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;

/**
 * The official JSON Schemas of the AsyncAPI specification, one per supported version, read from
 * the class path ({@code io/asyncws/generator/spec/asyncapi-VERSION.json}, see the README there)
 * and compiled on first use. A compiled schema is kept for the life of the class loader: compiling
 * the 3.x files takes tens of milliseconds, validating a document afterwards takes a few.
 */
final class SpecSchemas {
  /** Every version we have a schema for, oldest first. */
  static final List<String> VERSIONS =
      List.of("2.0.0", "2.1.0", "2.2.0", "2.3.0", "2.4.0", "2.5.0", "2.6.0", "3.0.0", "3.1.0");

  private static final String RESOURCE_DIR = "/io/asyncws/generator/spec/";
  /** The largest bundled file is ~170 KB; 4 MiB leaves room without inviting abuse. */
  private static final int CODE_POINT_LIMIT = 4 * 1024 * 1024;

  private static final Map<String, Schema> CACHE = new ConcurrentHashMap<>();

  private SpecSchemas() {}

  /** The compiled root schema of {@code version}, which must be one of {@link #VERSIONS}. */
  static Schema forVersion(String version) {
    if (!VERSIONS.contains(version)) {
      throw new IllegalArgumentException("no specification schema for version " + version);
    }
    return CACHE.computeIfAbsent(version, SpecSchemas::load);
  }

  private static Schema load(String version) {
    Map<?, ?> root = parse(version);
    if (version.startsWith("2.")) root = WebSocketBindingGraft.apply(parse("3.0.0"), root);
    return SchemaCompiler.compile(root);
  }

  private static Map<?, ?> parse(String version) {
    String name = RESOURCE_DIR + "asyncapi-" + version + ".json";
    try (InputStream in = SpecSchemas.class.getResourceAsStream(name)) {
      if (in == null) throw new IllegalStateException("missing resource " + name);
      LoaderOptions options = new LoaderOptions();
      options.setCodePointLimit(CODE_POINT_LIMIT);
      // JSON is YAML: snakeyaml, which the loader already needs, reads it without another library.
      Object json = new Yaml(new SafeConstructor(options))
          .load((Reader) new InputStreamReader(in, StandardCharsets.UTF_8));
      if (!(json instanceof Map<?, ?> root)) throw new IllegalStateException(name + " is not a JSON object");
      return root;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
