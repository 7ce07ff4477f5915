package org.targetwatch.runtime.config;

import java.util.Collection;
import java.util.Comparator;
import java.util.Optional;

/** The closest known key to a mistyped one, if it is close enough to be the likely intent. */
final class DidYouMean {
  private DidYouMean() {}

  static Optional<String> among(String typed, Collection<String> known) {
    int allowed = Math.max(2, typed.length() / 4);
    return known.stream()
        .map(k -> new Object[] {k, distance(typed, k)})
        .filter(pair -> (int) pair[1] <= allowed)
        .min(Comparator.comparingInt((Object[] pair) -> (int) pair[1]).thenComparing(pair -> (String) pair[0]))
        .map(pair -> (String) pair[0]);
  }

  /** Levenshtein distance. */
  static int distance(String a, String b) {
    int[] previous = new int[b.length() + 1];
    int[] current = new int[b.length() + 1];
    for (int j = 0; j <= b.length(); j++) {
      previous[j] = j;
    }
    for (int i = 1; i <= a.length(); i++) {
      current[0] = i;
      for (int j = 1; j <= b.length(); j++) {
        int substitution = previous[j - 1] + (a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1);
        current[j] = Math.min(substitution, Math.min(previous[j] + 1, current[j - 1] + 1));
      }
      int[] swap = previous;
      previous = current;
      current = swap;
    }
    return previous[b.length()];
  }
}
