package io.asyncws.generator.link;

import io.asyncws.generator.model.SecurityRequirement;
import io.asyncws.generator.model.SecurityScheme;
import io.asyncws.generator.model.Server;
import io.asyncws.generator.model.ServerVariable;
import io.asyncws.generator.tree.MappingNode;
import io.asyncws.generator.tree.Node;
import io.asyncws.generator.tree.SequenceNode;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** Links servers, their variables and the security schemes they and operations require. */
final class ServerLinker {
  private final LinkContext context;
  private final Map<String, SecurityScheme> schemesByName = new LinkedHashMap<>();
  private final Map<Node, SecurityScheme> schemesByTarget = new IdentityHashMap<>();
  private final Map<Node, String> serverNamesByTarget = new IdentityHashMap<>();

  ServerLinker(LinkContext context) {
    this.context = context;
  }

  /** Links {@code components/securitySchemes}; call before servers and operations. */
  List<SecurityScheme> linkSchemes(MappingNode components) {
    if (LinkContext.raw(components, "securitySchemes") instanceof MappingNode schemes) {
      schemes.entries().forEach((name, entry) -> {
        MappingNode s = context.object(entry.value());
        if (s != null) {
          SecurityScheme scheme = scheme(name, s);
          schemesByName.put(name, scheme);
          schemesByTarget.put(s, scheme);
        }
      });
    }
    return List.copyOf(schemesByName.values());
  }

  /** Links the root {@code servers} map. */
  List<Server> linkServers(MappingNode root) {
    List<Server> out = new ArrayList<>();
    if (!(LinkContext.raw(root, "servers") instanceof MappingNode servers)) return out;
    servers.entries().forEach((name, entry) -> {
      MappingNode s = context.object(entry.value());
      if (s == null) return;
      serverNamesByTarget.put(s, name);
      out.add(new Server(
          name,
          LinkContext.text(s, "protocol"),
          LinkContext.text(s, "protocolVersion"),
          LinkContext.text(s, "host"),
          LinkContext.text(s, "pathname"),
          LinkContext.text(s, "url"),
          LinkContext.text(s, "description"),
          variables(context.object(s, "variables")),
          security(LinkContext.raw(s, "security")),
          s.location()));
    });
    return out;
  }

  /** The name of the server a 3.x {@code servers} entry of a channel references, or null. */
  String serverName(Node serverRef) {
    Node target = context.resolve(serverRef);
    return target == null ? null : serverNamesByTarget.get(target);
  }

  /**
   * Security requirements as written on a server or operation: 2.x {@code [{scheme: [scopes]}]},
   * 3.x a list of schemes or references to them.
   */
  List<SecurityRequirement> security(Node list) {
    List<SecurityRequirement> out = new ArrayList<>();
    if (!(list instanceof SequenceNode seq)) return out;
    for (Node item : seq.items()) {
      if (context.v2) {
        if (!(item instanceof MappingNode req)) continue;
        req.entries().forEach((name, entry) -> {
          SecurityScheme scheme = schemesByName.get(name);
          if (scheme != null) {
            out.add(new SecurityRequirement(scheme, Values.strings(entry.value()), entry.keyLocation()));
          } else {
            context.diagnostics.error(entry.keyLocation(),
                "Security requirement '" + name + "' names no scheme of components/securitySchemes.",
                schemesByName.isEmpty() ? "declare it under components/securitySchemes"
                    : "known schemes: " + String.join(", ", schemesByName.keySet()));
          }
        });
      } else {
        MappingNode target = context.object(item);
        if (target == null) continue;
        String component = Pointers.componentName(item, "securitySchemes");
        SecurityScheme scheme = schemesByTarget.computeIfAbsent(
            target, t -> scheme(component != null ? component : "inline", (MappingNode) t));
        out.add(new SecurityRequirement(scheme, Values.strings(LinkContext.raw(target, "scopes")), item.location()));
      }
    }
    return out;
  }

  private List<ServerVariable> variables(MappingNode variables) {
    List<ServerVariable> out = new ArrayList<>();
    if (variables == null) return out;
    variables.entries().forEach((name, entry) -> {
      MappingNode v = context.object(entry.value());
      if (v == null) return;
      out.add(new ServerVariable(
          name,
          Values.strings(LinkContext.raw(v, "enum")),
          LinkContext.text(v, "default"),
          LinkContext.text(v, "description"),
          Values.strings(LinkContext.raw(v, "examples")),
          entry.keyLocation()));
    });
    return out;
  }

  private static SecurityScheme scheme(String name, MappingNode s) {
    String in = LinkContext.text(s, "in");
    SecurityScheme.KeyLocation keyLocation = null;
    if (in != null) {
      try {
        keyLocation = SecurityScheme.KeyLocation.valueOf(in.toUpperCase(Locale.ROOT));
      } catch (IllegalArgumentException unknown) {
        // The structure validator reports values outside the enum; the model leaves it empty.
      }
    }
    return new SecurityScheme(
        name,
        SecurityScheme.Type.bySpelling(LinkContext.text(s, "type")),
        keyLocation,
        LinkContext.text(s, "name"),
        LinkContext.text(s, "scheme"),
        LinkContext.text(s, "bearerFormat"),
        LinkContext.text(s, "description"),
        s.location());
  }
}
