package io.asyncws.generator.load;

/**
 * How much a single document may cost to load. Each limit turns a hostile or broken file into one
 * clear error instead of an exhausted heap or a stack overflow.
 *
 * @param maxDocumentBytes largest file, in bytes, that is read at all
 * @param maxAliases most aliases ({@code *name}) that may point at a mapping or a sequence
 * @param maxDepth deepest nesting of mappings and sequences
 * @param maxNodes most nodes the document may have once every alias is counted as a copy
 */
public record LoadLimits(int maxDocumentBytes, int maxAliases, int maxDepth, long maxNodes) {

  /** 8 MiB: dozens of times the largest published AsyncAPI document; more is generated garbage. */
  public static final int DEFAULT_MAX_DOCUMENT_BYTES = 8 << 20;

  /** 50: real documents alias a handful of shared blocks; bombs need many aliases. */
  public static final int DEFAULT_MAX_ALIASES = 50;

  /** 256: real documents nest about 20 deep; every later stage may recurse this far. */
  public static final int DEFAULT_MAX_DEPTH = 256;

  /**
   * 1,000,000: later stages walk the tree with aliases expanded, so a few aliases doubling each
   * other must not turn into billions of visits. A full-size 8 MiB document has fewer nodes.
   */
  public static final long DEFAULT_MAX_NODES = 1_000_000;

  public LoadLimits {
    requirePositive(maxDocumentBytes, "maxDocumentBytes");
    requirePositive(maxAliases, "maxAliases");
    requirePositive(maxDepth, "maxDepth");
    requirePositive(maxNodes, "maxNodes");
  }

  /** The strict defaults. */
  public static LoadLimits defaults() {
    return new LoadLimits(
        DEFAULT_MAX_DOCUMENT_BYTES, DEFAULT_MAX_ALIASES, DEFAULT_MAX_DEPTH, DEFAULT_MAX_NODES);
  }

  /** These limits with another document size limit. */
  public LoadLimits withMaxDocumentBytes(int bytes) {
    return new LoadLimits(bytes, maxAliases, maxDepth, maxNodes);
  }

  /** These limits with another alias limit. */
  public LoadLimits withMaxAliases(int aliases) {
    return new LoadLimits(maxDocumentBytes, aliases, maxDepth, maxNodes);
  }

  /** These limits with another nesting limit. */
  public LoadLimits withMaxDepth(int depth) {
    return new LoadLimits(maxDocumentBytes, maxAliases, depth, maxNodes);
  }

  /** These limits with another node limit. */
  public LoadLimits withMaxNodes(long nodes) {
    return new LoadLimits(maxDocumentBytes, maxAliases, maxDepth, nodes);
  }

  private static void requirePositive(long value, String name) {
    if (value <= 0) {
      throw new IllegalArgumentException(name + " must be positive, was " + value);
    }
  }
}
