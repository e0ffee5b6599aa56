package io.asyncws.generator.model;

import io.asyncws.generator.tree.SourceLocation;

/**
 * A security scheme from {@code components/securitySchemes}.
 *
 * @param name the key under {@code securitySchemes}
 * @param type the scheme's type
 * @param in where an API key goes ({@link SecurityScheme.KeyLocation}), or null for other types
 * @param parameterName the query parameter, header or cookie name of an {@code httpApiKey}, or null
 * @param httpScheme the HTTP auth scheme of an {@code http} type ({@code bearer}, {@code basic}), or null
 * @param bearerFormat a hint such as {@code JWT}, or null
 * @param description or null
 * @param location where the scheme stands
 */
public record SecurityScheme(
    String name,
    Type type,
    KeyLocation in,
    String parameterName,
    String httpScheme,
    String bearerFormat,
    String description,
    SourceLocation location) {

  /** The scheme types of AsyncAPI 2.0-3.1, by their document spelling. */
  public enum Type {
    USER_PASSWORD("userPassword"),
    API_KEY("apiKey"),
    X509("X509"),
    SYMMETRIC_ENCRYPTION("symmetricEncryption"),
    ASYMMETRIC_ENCRYPTION("asymmetricEncryption"),
    HTTP_API_KEY("httpApiKey"),
    HTTP("http"),
    OAUTH2("oauth2"),
    OPEN_ID_CONNECT("openIdConnect"),
    PLAIN("plain"),
    SCRAM_SHA256("scramSha256"),
    SCRAM_SHA512("scramSha512"),
    GSSAPI("gssapi");

    private final String spelling;

    Type(String spelling) {
      this.spelling = spelling;
    }

    /** How documents spell the type. */
    public String spelling() {
      return spelling;
    }

    /** The type spelt {@code text}, or null when there is none. */
    public static Type bySpelling(String text) {
      for (Type t : values()) if (t.spelling.equals(text)) return t;
      return null;
    }
  }

  /** Where an API key travels. */
  public enum KeyLocation {
    QUERY,
    HEADER,
    COOKIE,
    USER,
    PASSWORD
  }
}
