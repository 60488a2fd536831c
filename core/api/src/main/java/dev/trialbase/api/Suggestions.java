package dev.trialbase.api;

import java.util.Collection;
import java.util.Comparator;
import java.util.Locale;
import java.util.Optional;

/**
 * "Did you mean ...?" for a mistyped key, column, parameter or metric: the known name nearest
 * to the given one by edit distance, ignoring case, when it is near enough to be a typo (at
 * most a third of the name's letters, at least 2, and never the whole name). For the engine's
 * messages and for plugins' own (an estimator's parameter names, a classifier's name).
 */
public final class Suggestions {

  private Suggestions() {
  }

  /** The known name {@code name} was probably meant to be. */
  public static Optional<String> nearest(String name, Collection<?> known) {
    if (name == null) {
      return Optional.empty();
    }
    String lower = name.toLowerCase(Locale.ROOT);
    return known.stream().map(Object::toString)
        .min(Comparator.comparingInt(k -> distance(k, lower)))
        .filter(k -> near(name, k));
  }

  /** Whether {@code known} is near enough to {@code name} to be what a typo meant. */
  public static boolean near(String name, String known) {
    int d = distance(known, name.toLowerCase(Locale.ROOT));
    return d <= Math.max(2, name.length() / 3) && d < name.length();
  }

  /** {@code "; did you mean 'x'?"}, or empty text when nothing is near. */
  public static String didYouMean(String name, Collection<?> known) {
    return nearest(name, known).map(k -> "; did you mean '" + k + "'?").orElse("");
  }

  private static int distance(String known, String lowerName) {
    return editDistance(known.toLowerCase(Locale.ROOT), lowerName);
  }

  /** The Levenshtein distance between {@code a} and {@code b}. */
  public static int editDistance(String a, String b) {
    int[] previous = new int[b.length() + 1];
    int[] current = new int[b.length() + 1];
    for (int j = 0; j <= b.length(); j++) {
      previous[j] = j;
    }
    for (int i = 1; i <= a.length(); i++) {
      current[0] = i;
      for (int j = 1; j <= b.length(); j++) {
        int substitution = previous[j - 1] + (a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1);
        current[j] = Math.min(substitution, Math.min(previous[j], current[j - 1]) + 1);
      }
      int[] t = previous;
      previous = current;
      current = t;
    }
    return previous[b.length()];
  }
}
