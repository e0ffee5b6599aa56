package io.asyncws.generator.link;

import io.asyncws.generator.diagnostic.Diagnostics;
import io.asyncws.generator.model.ApiModel;
import io.asyncws.generator.model.Channel;
import io.asyncws.generator.model.Info;
import io.asyncws.generator.model.Operation;
import io.asyncws.generator.model.SecurityScheme;
import io.asyncws.generator.model.Server;
import io.asyncws.generator.tree.MappingNode;
import java.util.ArrayList;
import java.util.List;

/**
 * Turns a resolved document tree into the version-neutral {@link ApiModel}: the one place where
 * the raw tree meets the model.
 *
 * <p>Linking is lenient: the structure validator has reported wrong shapes already, so whatever
 * does not fit is left out rather than reported twice. What only linking can see (an operation's
 * channel outside the root channels, schemas nested too deep) it reports.
 *
 * <p>Order is fixed so names are stable: component schemas, then security schemes and servers,
 * then component messages, then channels and operations in document order.
 */
public final class Linker {
  private Linker() {}

  /**
   * Links the document rooted at {@code root}.
   *
   * @param root the root mapping of the entry document
   * @param refs where references lead (the resolver of the same run)
   * @param diagnostics where linking problems go
   */
  public static ApiModel link(MappingNode root, RefResolver refs, Diagnostics diagnostics) {
    String version = LinkContext.text(root, "asyncapi");
    if (version == null) version = "3.0.0";
    boolean v2 = version.startsWith("2");
    LinkContext context = new LinkContext(refs, diagnostics, v2);

    MappingNode infoNode = context.object(root, "info");
    Info info = new Info(
        LinkContext.text(infoNode, "title"),
        LinkContext.text(infoNode, "version"),
        LinkContext.text(infoNode, "description"),
        infoNode == null ? root.location() : infoNode.location());
    String defaultContentType = LinkContext.text(root, "defaultContentType");

    MappingNode components = context.object(root, "components");
    SchemaLinker schemas = new SchemaLinker(context);
    if (LinkContext.raw(components, "schemas") instanceof MappingNode componentSchemas) {
      componentSchemas.entries().forEach((name, e) -> schemas.linkComponent(e.value(), name));
    }
    ServerLinker serverLinker = new ServerLinker(context);
    List<SecurityScheme> schemes = serverLinker.linkSchemes(components);
    List<Server> servers = serverLinker.linkServers(root);

    MessageLinker messages = new MessageLinker(context, schemas, defaultContentType);
    if (LinkContext.raw(components, "messages") instanceof MappingNode componentMessages) {
      componentMessages.entries().forEach((name, e) -> messages.link(e.value(), name, name));
    }

    ChannelParts parts = new ChannelParts(context, schemas);
    List<Channel> channels = new ArrayList<>();
    List<Operation> operations = new ArrayList<>();
    if (v2) {
      new V2Linker(context, messages, parts, serverLinker).link(root, channels, operations);
    } else {
      new V3Linker(context, messages, parts, serverLinker).link(root, channels, operations);
    }
    return new ApiModel(version, info, defaultContentType, servers, channels, operations, schemes,
        schemas.graph().freeze(), root.location());
  }
}
