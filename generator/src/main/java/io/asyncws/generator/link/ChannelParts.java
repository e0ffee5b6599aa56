package io.asyncws.generator.link;

import io.asyncws.generator.model.Parameter;
import io.asyncws.generator.model.SchemaModel;
import io.asyncws.generator.model.SchemaRef;
import io.asyncws.generator.model.WsChannelBinding;
import io.asyncws.generator.tree.MappingNode;
import java.util.ArrayList;
import java.util.List;

/** The parts of a channel both spec generations share in shape: parameters and the ws binding. */
final class ChannelParts {
  private final LinkContext context;
  private final SchemaLinker schemas;

  ChannelParts(LinkContext context, SchemaLinker schemas) {
    this.context = context;
    this.schemas = schemas;
  }

  /** The channel's {@code parameters}; 2.x schemas' enum/default are copied up to the parameter. */
  List<Parameter> parameters(MappingNode channel, String channelName) {
    List<Parameter> out = new ArrayList<>();
    MappingNode params = context.object(channel, "parameters");
    if (params == null) return out;
    params.entries().forEach((name, entry) -> {
      MappingNode p = context.object(entry.value());
      if (p == null) return;
      // A shared component parameter is named once for all channels that use it.
      String component = Pointers.componentName(entry.value(), "parameters");
      String derived = component != null
          ? Names.pascal(component) + "Parameter"
          : base(channelName) + Names.pascal(name) + "Parameter";
      SchemaRef schema = p.get("schema").map(n -> schemas.link(n, derived)).orElse(null);
      List<String> enumValues = Values.strings(LinkContext.raw(p, "enum"));
      String defaultValue = LinkContext.text(p, "default");
      List<String> examples = Values.strings(LinkContext.raw(p, "examples"));
      if (schema != null) {
        SchemaModel s = schema.get();
        if (enumValues.isEmpty()) enumValues = stringsOf(s.enumValues());
        if (defaultValue == null && s.defaultValue() != null && s.defaultValue().value() != null) {
          defaultValue = String.valueOf(s.defaultValue().value());
        }
      }
      out.add(new Parameter(name, schema, enumValues, defaultValue, LinkContext.text(p, "description"),
          examples, LinkContext.text(p, "location"), entry.keyLocation()));
    });
    return out;
  }

  /** The channel's {@code bindings.ws}, or null. */
  WsChannelBinding wsBinding(MappingNode channel, String channelName) {
    MappingNode ws = context.object(context.object(channel, "bindings"), "ws");
    if (ws == null) return null;
    String base = base(channelName);
    return new WsChannelBinding(
        LinkContext.text(ws, "method"),
        ws.get("query").map(n -> schemas.link(n, base + "Query")).orElse(null),
        ws.get("headers").map(n -> schemas.link(n, base + "Headers")).orElse(null),
        LinkContext.text(ws, "bindingVersion"),
        ws.location());
  }

  /** The name derived schemas of a channel start with; the address {@code /} gives {@code Root}. */
  private static String base(String channelName) {
    return channelName.chars().anyMatch(Character::isLetterOrDigit) ? Names.pascal(channelName) : "Root";
  }

  private static List<String> stringsOf(List<Object> values) {
    List<String> out = new ArrayList<>();
    for (Object v : values) if (v != null) out.add(String.valueOf(v));
    return out;
  }
}
