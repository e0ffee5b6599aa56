package io.asyncws.generator.resolve;

import java.util.Collection;
import java.util.Optional;

/** "Did you mean ...?" for a pointer token that names nothing. */
final class Suggestions {

  private static final int MAX_LENGTH = 64;

  private Suggestions() {}

  /**
   * The candidate closest to {@code wrong} by edit distance, if it is close enough to be a typo:
   * at most a third of the word's length, and at least one edit.
   */
  static Optional<String> closest(String wrong, Collection<String> candidates) {
    // The distance costs length squared; typos worth suggesting for are in short names.
    if (wrong.length() > MAX_LENGTH) return Optional.empty();
    int allowed = Math.max(1, wrong.length() / 3);
    String best = null;
    int bestDistance = Integer.MAX_VALUE;
    for (String candidate : candidates.stream().sorted().toList()) {
      if (Math.abs(candidate.length() - wrong.length()) > allowed) continue;
      int distance = distance(wrong, candidate);
      if (distance <= allowed && distance < bestDistance) {
        best = candidate;
        bestDistance = distance;
      }
    }
    return Optional.ofNullable(best);
  }

  /** Levenshtein distance, case-insensitive: a wrong case is a typo too. */
  private static int distance(String a, String b) {
    String x = a.toLowerCase(java.util.Locale.ROOT);
    String y = b.toLowerCase(java.util.Locale.ROOT);
    int[] previous = new int[y.length() + 1];
    int[] current = new int[y.length() + 1];
    for (int j = 0; j <= y.length(); j++) previous[j] = j;
    for (int i = 1; i <= x.length(); i++) {
      current[0] = i;
      for (int j = 1; j <= y.length(); j++) {
        int substitution = previous[j - 1] + (x.charAt(i - 1) == y.charAt(j - 1) ? 0 : 1);
        current[j] = Math.min(substitution, Math.min(previous[j], current[j - 1]) + 1);
      }
      int[] swap = previous;
      previous = current;
      current = swap;
    }
    return previous[y.length()];
  }
}
