package dev.trialbase.plugins.weka;

import java.util.Collection;
import java.util.Comparator;
import java.util.Optional;

/** "Did you mean" for names a user mistyped: the nearest by edit distance, if near enough. */
final class Names {

  private Names() {
  }

  /** The candidate nearest to {@code name} (case-insensitive), when it is plausibly meant. */
  static Optional<String> nearest(String name, Collection<String> candidates) {
    return candidates.stream()
        .min(Comparator.comparingInt((String c) -> distance(c, name)).thenComparing(c -> c))
        .filter(c -> distance(c, name) <= Math.max(2, name.length() / 3));
  }

  /** {@code "; did you mean 'x'?"} or nothing. */
  static String didYouMean(String name, Collection<String> candidates) {
    return nearest(name, candidates).map(c -> "; did you mean '" + c + "'?").orElse("");
  }

  /** Levenshtein distance, ignoring case. */
  static int distance(String a, String b) {
    String x = a.toLowerCase(java.util.Locale.ROOT);
    String y = b.toLowerCase(java.util.Locale.ROOT);
    int[] previous = new int[y.length() + 1];
    int[] current = new int[y.length() + 1];
    for (int j = 0; j <= y.length(); j++) {
      previous[j] = j;
    }
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
