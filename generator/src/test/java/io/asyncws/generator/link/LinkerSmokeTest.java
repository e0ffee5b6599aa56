package io.asyncws.generator.link;

import io.asyncws.generator.model.ApiModel;
import org.junit.jupiter.api.Test;

class LinkerSmokeTest {
  @Test
  void dump() {
    for (String f : new String[] {"synthetic/v240-messageId.yml", "synthetic/v310-ws.yml", "spec-v3.0.0/streetlights-kafka-asyncapi.yml", "spec-v2.6.0/streetlights-kafka.yml"}) {
      ApiModel m = LinkTestSupport.linkCorpus(f);
      System.out.println("=== " + f);
      m.operations().forEach(o -> System.out.println(o.id() + " " + o.action() + " ch=" + o.channel().id() + " msgs=" + o.messages().stream().map(x -> x.name() + ":" + x.payload()).toList() + " reply=" + (o.reply() == null ? null : o.reply().messages().stream().map(x -> x.name()).toList())));
      m.schemas().all().forEach(s -> System.out.println("  schema " + s.name() + " " + s.types() + " props=" + s.properties().keySet()));
      System.out.println(m.servers());
    }
  }
}
