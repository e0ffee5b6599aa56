package io.asyncws.generator.resolve;

import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * What a {@code $ref} string names before anything is loaded: a document (the referring one, a
 * local file, or a remote URL) and the raw fragment after '#'.
 *
 * @param sameDocument whether the ref points into the referring document ({@code #/...})
 * @param file the local file, relative to the working directory as the referring one is, or null
 * @param remote the http(s) URL of a remote document, without fragment, or null
 * @param fragment the raw text after '#' (still percent-encoded), {@code ""} if there is none
 */
record RefAddress(boolean sameDocument, Path file, URI remote, String fragment) {

  private static final Pattern SCHEME = Pattern.compile("^[A-Za-z][A-Za-z0-9+.-]+:");

  /** A parsed address, or the reason a ref cannot be one. */
  record Parsed(RefAddress address, String problem) {}

  /**
   * Parses {@code ref} as written in a document that lives at {@code baseFile} (a local file, as
   * the user named it) or at {@code baseRemote} (a remote document): relative refs are relative to
   * that document, whether it is a file or a URL.
   */
  static Parsed parse(String ref, Path baseFile, URI baseRemote) {
    int hash = ref.indexOf('#');
    String location = hash < 0 ? ref : ref.substring(0, hash);
    String fragment = hash < 0 ? "" : ref.substring(hash + 1);
    if (location.isEmpty()) return ok(new RefAddress(true, null, null, fragment));
    if (SCHEME.matcher(location).find()) return absolute(location, fragment);
    if (baseRemote != null) {
      try {
        return remote(baseRemote.resolve(new URI(location)), fragment);
      } catch (URISyntaxException e) {
        return problem("'" + location + "' is not a valid relative URL");
      }
    }
    Optional<String> decoded = JsonPointer.percentDecode(location);
    if (decoded.isEmpty()) {
      return problem("its path '" + location + "' has a broken percent escape");
    }
    try {
      Path relative = Path.of(decoded.get());
      Path dir = baseFile.getParent() == null ? Path.of("") : baseFile.getParent();
      return ok(new RefAddress(false, dir.resolve(relative).normalize(), null, fragment));
    } catch (InvalidPathException e) {
      return problem("'" + location + "' is not a valid file path");
    }
  }

  private static Parsed absolute(String location, String fragment) {
    URI uri;
    try {
      uri = new URI(location);
    } catch (URISyntaxException e) {
      return problem("'" + location + "' is not a valid URL");
    }
    String scheme = uri.getScheme().toLowerCase(Locale.ROOT);
    if (scheme.equals("http") || scheme.equals("https")) return remote(uri, fragment);
    if (scheme.equals("file")) {
      try {
        return ok(new RefAddress(false, Path.of(uri).normalize(), null, fragment));
      } catch (IllegalArgumentException | java.nio.file.FileSystemNotFoundException e) {
        return problem("'" + location + "' is not a usable file URL");
      }
    }
    return problem(
        "the scheme '" + scheme + ":' is not supported; use a relative file path or an http(s)"
            + " URL");
  }

  private static Parsed remote(URI uri, String fragment) {
    if (uri.getHost() == null) return problem("'" + uri + "' has no host");
    try {
      URI withoutFragment = new URI(uri.getScheme(), uri.getSchemeSpecificPart(), null);
      return ok(new RefAddress(false, null, withoutFragment.normalize(), fragment));
    } catch (URISyntaxException e) {
      return problem("'" + uri + "' is not a valid URL");
    }
  }

  private static Parsed ok(RefAddress address) {
    return new Parsed(address, null);
  }

  private static Parsed problem(String problem) {
    return new Parsed(null, problem);
  }
}
