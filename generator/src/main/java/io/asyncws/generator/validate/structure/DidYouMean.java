package io.asyncws.generator.validate.structure;

import java.util.Collection;
import java.util.Optional;

/** Finds the known word a misspelt one was probably meant to be ("acton" → "action"). */
final class DidYouMean {
  private DidYouMean() {}

  /**
   * The candidate closest to {@code word} by edit distance, if it is close enough to be a typo:
   * at most a third of the word's length (at least 1, at most 3), or differing only in case.
   */
  static Optional<String> closest(String word, Collection<String> candidates) {
    String best = null;
    int bestDistance = Integer.MAX_VALUE;
    int limit = Math.max(1, Math.min(3, word.length() / 3));
    for (String candidate : candidates) {
      if (candidate.equalsIgnoreCase(word)) return Optional.of(candidate);
      int d = distance(word, candidate, limit);
      if (d <= limit && d < bestDistance) {
        best = candidate;
        bestDistance = d;
      }
    }
    return Optional.ofNullable(best);
  }

  /** Levenshtein distance, giving up (returning more than {@code limit}) once it exceeds it. */
  static int distance(String a, String b, int limit) {
    if (Math.abs(a.length() - b.length()) > limit) return limit + 1;
    int[] previous = new int[b.length() + 1];
    int[] current = new int[b.length() + 1];
    for (int j = 0; j <= b.length(); j++) previous[j] = j;
    for (int i = 1; i <= a.length(); i++) {
      current[0] = i;
      int rowMin = current[0];
      for (int j = 1; j <= b.length(); j++) {
        int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
        current[j] = Math.min(Math.min(current[j - 1] + 1, previous[j] + 1), previous[j - 1] + cost);
        rowMin = Math.min(rowMin, current[j]);
      }
      if (rowMin > limit) return limit + 1;
      int[] swap = previous;
      previous = current;
      current = swap;
    }
    return previous[b.length()];
  }
}
