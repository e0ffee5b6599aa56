package io.asyncws.generator.resolve;

import io.asyncws.generator.load.LoadLimits;
import java.time.Duration;

/**
 * How {@link DocumentSet} follows {@code $ref}s. Strict by default: local files only, so that a
 * build is reproducible and works offline.
 *
 * @param allowRemoteRefs whether {@code http://} and {@code https://} refs are fetched (the CLI's
 *     {@code --allow-remote-refs}); when false each one is an error at its position
 * @param loadLimits the limits for every document, the root and each referenced one alike
 * @param maxDocuments most documents (files and remote ones, the root included) one set may load
 * @param remoteTimeout how long connecting to a remote host and receiving its answer may take, each
 */
public record ResolveOptions(
    boolean allowRemoteRefs, LoadLimits loadLimits, int maxDocuments, Duration remoteTimeout) {

  /** 256: the largest multi-file APIs we know of split into a few dozen files. */
  public static final int DEFAULT_MAX_DOCUMENTS = 256;

  /** 30 seconds: a slow schema registry answers in a few; a dead one must not hang the build. */
  public static final Duration DEFAULT_REMOTE_TIMEOUT = Duration.ofSeconds(30);

  /** The name of the command-line flag that allows remote refs, for messages. */
  public static final String ALLOW_REMOTE_REFS_FLAG = "--allow-remote-refs";

  public ResolveOptions {
    if (loadLimits == null) throw new IllegalArgumentException("loadLimits must not be null");
    if (maxDocuments <= 0) {
      throw new IllegalArgumentException("maxDocuments must be positive, was " + maxDocuments);
    }
    if (remoteTimeout == null || remoteTimeout.isNegative() || remoteTimeout.isZero()) {
      throw new IllegalArgumentException("remoteTimeout must be positive, was " + remoteTimeout);
    }
  }

  /** Local refs only, default load limits. */
  public static ResolveOptions defaults() {
    return new ResolveOptions(
        false, LoadLimits.defaults(), DEFAULT_MAX_DOCUMENTS, DEFAULT_REMOTE_TIMEOUT);
  }

  /** These options with remote refs allowed or not. */
  public ResolveOptions withAllowRemoteRefs(boolean allow) {
    return new ResolveOptions(allow, loadLimits, maxDocuments, remoteTimeout);
  }

  /** These options with other load limits. */
  public ResolveOptions withLoadLimits(LoadLimits limits) {
    return new ResolveOptions(allowRemoteRefs, limits, maxDocuments, remoteTimeout);
  }

  /** These options with another document limit. */
  public ResolveOptions withMaxDocuments(int documents) {
    return new ResolveOptions(allowRemoteRefs, loadLimits, documents, remoteTimeout);
  }

  /** These options with another remote timeout. */
  public ResolveOptions withRemoteTimeout(Duration timeout) {
    return new ResolveOptions(allowRemoteRefs, loadLimits, maxDocuments, timeout);
  }
}
