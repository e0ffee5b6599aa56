package io.asyncws.generator.validate.structure;

import java.util.Collection;
import java.util.Optional;

/** Finds the known word a misspelt one was probably meant to be ("acton" → "action"). */
final class DidYouMean {
  private DidYouMean() {}

  /**
   * The candidate closest to {@code word} by edit distance, if it is close enough to be a typo
   * (1 edit for words up to 3 letters, 2 up to 8, else 3), or differs only in case.
   */
  static Optional<String> closest(String word, Collection<String> candidates) {
    String best = null;
    int bestDistance = Integer.MAX_VALUE;
    int limit = word.length() <= 3 ? 1 : word.length() <= 8 ? 2 : 3;
    for (String candidate : candidates) {
      if (candidate.equalsIgnoreCase(word)) return Optional.of(candidate);
      int d = distance(word, candidate);
      if (d <= limit && d < bestDistance) {
        best = candidate;
        bestDistance = d;
      }
    }
    return Optional.ofNullable(best);
  }

  /**
   * Edit distance counting a swap of two neighbours as one edit ("sned" is one edit from "send"),
   * the commonest typo (optimal string alignment).
   */
  static int distance(String a, String b) {
    int[][] d = new int[a.length() + 1][b.length() + 1];
    for (int i = 0; i <= a.length(); i++) d[i][0] = i;
    for (int j = 0; j <= b.length(); j++) d[0][j] = j;
    for (int i = 1; i <= a.length(); i++) {
      for (int j = 1; j <= b.length(); j++) {
        int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
        d[i][j] = Math.min(Math.min(d[i - 1][j] + 1, d[i][j - 1] + 1), d[i - 1][j - 1] + cost);
        if (i > 1 && j > 1 && a.charAt(i - 1) == b.charAt(j - 2) && a.charAt(i - 2) == b.charAt(j - 1)) {
          d[i][j] = Math.min(d[i][j], d[i - 2][j - 2] + 1);
        }
      }
    }
    return d[a.length()][b.length()];
  }
}
