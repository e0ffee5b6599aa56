package io.asyncws.generator.emit.api;

import com.palantir.javapoet.NameAllocator;
import io.asyncws.generator.emit.api.ApiPlan.Endpoint;
import io.asyncws.generator.model.Parameter;
import io.asyncws.generator.model.SchemaRef;
import io.asyncws.generator.model.SecurityScheme;
import java.util.ArrayList;
import java.util.List;

/**
 * What a client puts into its opening handshake, one typed argument each: the channel's address
 * parameters, the {@code ws} binding's query parameters and headers, and the credentials of the
 * servers' security schemes.
 */
final class HandshakeArgs {
  private HandshakeArgs() {}

  enum Kind {
    PATH_PARAMETER,
    QUERY,
    HEADER,
    CREDENTIAL
  }

  /**
   * One argument.
   *
   * @param javaName the parameter name in generated code
   * @param kind where the value goes
   * @param key the address parameter, query parameter or header name
   * @param scheme the security scheme of a credential, else null
   * @param description for Javadoc, or null
   */
  record Arg(String javaName, Kind kind, String key, SecurityScheme scheme, String description) {}

  static List<Arg> of(Endpoint endpoint, List<SecurityScheme> schemes, List<String> reserved) {
    NameAllocator names = new NameAllocator();
    for (String r : reserved) names.newName(r, "reserved:" + r);
    List<Arg> args = new ArrayList<>();
    for (Parameter p : endpoint.parameters()) {
      args.add(new Arg(names.newName(ApiNames.memberName(p.name())), Kind.PATH_PARAMETER, p.name(), null,
          p.description()));
    }
    if (endpoint.binding() != null) {
      addProperties(args, names, endpoint.binding().query(), Kind.QUERY);
      addProperties(args, names, endpoint.binding().headers(), Kind.HEADER);
    }
    for (SecurityScheme s : schemes) {
      args.add(new Arg(names.newName(ApiNames.memberName(s.name())), Kind.CREDENTIAL, s.name(), s, s.description()));
    }
    return args;
  }

  private static void addProperties(List<Arg> args, NameAllocator names, SchemaRef schema, Kind kind) {
    if (schema == null) return;
    schema.get().properties().forEach((key, property) -> args.add(new Arg(
        names.newName(ApiNames.memberName(key)), kind, key, null, property.get().description())));
  }

  /** The header that carries a credential, or null when it travels in the query. */
  static String credentialHeader(SecurityScheme s) {
    if (s.type() == SecurityScheme.Type.HTTP_API_KEY) {
      return s.in() == SecurityScheme.KeyLocation.HEADER ? s.parameterName() : null;
    }
    return "Authorization";
  }

  /** The prefix of an {@code Authorization} value: {@code "Bearer "}, {@code "Basic "}, or empty. */
  static String credentialPrefix(SecurityScheme s) {
    if (s.type() == SecurityScheme.Type.HTTP_API_KEY) return "";
    String scheme = s.type() == SecurityScheme.Type.HTTP && s.httpScheme() != null ? s.httpScheme() : "bearer";
    return ApiNames.capitalize(scheme.toLowerCase(java.util.Locale.ROOT)) + " ";
  }
}
