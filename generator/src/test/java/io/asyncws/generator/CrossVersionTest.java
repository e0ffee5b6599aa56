package io.asyncws.generator;

import static io.asyncws.generator.ReaderTestSupport.readCorpus;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.asyncws.generator.model.ApiModel;
import io.asyncws.generator.model.Message;
import io.asyncws.generator.model.Operation;
import io.asyncws.generator.model.SchemaModel;
import io.asyncws.generator.model.SchemaRef;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The spec's examples exist in 2.6, 3.0 and 3.1: each API read from each version gives an
 * equivalent model.
 *
 * <p>Equivalent means: the same multiset of operations, each described by its action (from the
 * application's point of view: 2.x inverted), its channel address, and the payload shape of each of
 * its messages. A payload shape is the schema's types, nullability, enum, const, format, and its
 * properties (sorted, each required or not), items, additionalProperties and
 * oneOf/anyOf/allOf/not, recursively, with a schema met again on the same path written as a back
 * reference so cycles end.
 *
 * <p>What legitimately differs and is left out: names (2.x has no channel ids, 2.x operation ids may
 * be generated, message keys differ), descriptions, 3.x replies (2.x has none), servers' url vs
 * host/pathname, and parameter schemas (3.x parameters have none).
 */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class CrossVersionTest {
  @ParameterizedTest
  @ValueSource(strings = {
    "anyof", "application-headers", "correlation-id", "gitter-streaming", "mercure", "not", "oneof",
    "operation-security", "rpc-client", "rpc-server", "simple", "slack-rtm", "streetlights-kafka",
    "streetlights-mqtt", "streetlights-operation-security", "websocket-gemini"
  })
  void sameApiFromEachSpecVersionGivesEquivalentModels(String api) {
    List<String> v26 = operations(readCorpus("spec-v2.6.0/" + api + ".yml").model().orElseThrow());
    List<String> v30 = operations(readCorpus("spec-v3.0.0/" + api + "-asyncapi.yml").model().orElseThrow());
    List<String> v31 = operations(readCorpus("spec-v3.1.0/" + api + "-asyncapi.yml").model().orElseThrow());
    assertEquals(v30, v31, "3.0 vs 3.1");
    assertEquals(v26, v30, "2.6 vs 3.0");
  }

  @ParameterizedTest
  @ValueSource(strings = {"backend", "comments-service", "frontend", "notification-service", "public-api"})
  void socialMediaServicesAreEquivalentAcrossVersions(String service) {
    String file = "social-media/" + service + "/asyncapi.yaml";
    List<String> v26 = operations(readCorpus("spec-v2.6.0/" + file).model().orElseThrow());
    List<String> v30 = operations(readCorpus("spec-v3.0.0/" + file).model().orElseThrow());
    List<String> v31 = operations(readCorpus("spec-v3.1.0/" + file).model().orElseThrow());
    assertEquals(v30, v31, "3.0 vs 3.1");
    assertEquals(v26, v30, "2.6 vs 3.0");
  }

  /** One line per operation, sorted: action, address, message payload shapes. */
  static List<String> operations(ApiModel model) {
    List<String> out = new ArrayList<>();
    for (Operation op : model.operations()) {
      List<String> payloads = new ArrayList<>();
      for (Message m : op.messages()) payloads.add(shape(m.payload(), new HashSet<>()));
      payloads.sort(null);
      out.add(op.action() + " " + op.channel().address() + " " + payloads);
    }
    out.sort(null);
    return out;
  }

  private static String shape(SchemaRef ref, Set<String> onPath) {
    if (ref == null) return "-";
    if (!onPath.add(ref.name())) return "^";
    SchemaModel s = ref.get();
    Map<String, String> parts = new TreeMap<>();
    parts.put("types", s.types().toString());
    if (s.nullable()) parts.put("nullable", "true");
    if (!s.enumValues().isEmpty()) parts.put("enum", s.enumValues().toString());
    if (s.constValue() != null) parts.put("const", String.valueOf(s.constValue().value()));
    if (s.format() != null) parts.put("format", s.format());
    Map<String, String> props = new TreeMap<>();
    s.properties().forEach((k, v) -> props.put(k + (s.isRequired(k) ? "!" : ""), shape(v, onPath)));
    if (!props.isEmpty()) parts.put("properties", props.toString());
    if (s.items() != null) parts.put("items", shape(s.items(), onPath));
    if (s.additionalProperties() != null) parts.put("additional", shape(s.additionalProperties(), onPath));
    if (!s.additionalPropertiesAllowed()) parts.put("additional", "false");
    if (!s.oneOf().isEmpty()) parts.put("oneOf", list(s.oneOf(), onPath));
    if (!s.anyOf().isEmpty()) parts.put("anyOf", list(s.anyOf(), onPath));
    if (!s.allOf().isEmpty()) parts.put("allOf", list(s.allOf(), onPath));
    if (s.not() != null) parts.put("not", shape(s.not(), onPath));
    onPath.remove(ref.name());
    return parts.toString();
  }

  private static String list(List<SchemaRef> refs, Set<String> onPath) {
    List<String> out = new ArrayList<>();
    for (SchemaRef r : refs) out.add(shape(r, onPath));
    out.sort(null);
    return out.toString();
  }
}
