package dev.trialbase.data;

import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * The texts that mean "no value" in a CSV cell, the same for features and target. The list is
 * what spreadsheets, R and pandas write for a missing value, compared without regard to case:
 * an empty cell, {@code ?} (Weka), {@code -}, {@code NA}, {@code N/A}, {@code #N/A},
 * {@code #N/A N/A}, {@code #NA}, {@code <NA>}, {@code NaN}, {@code -NaN}, {@code NULL},
 * {@code None}. Anything else is a value; {@code inf} and {@code Infinity} are text, not
 * numbers.
 */
public final class MissingMarkers {

  /** The markers as documented, in upper case. */
  public static final List<String> MARKERS = List.of("", "?", "-", "NA", "N/A", "#N/A",
      "#N/A N/A", "#NA", "<NA>", "NAN", "-NAN", "NULL", "NONE");

  private static final Set<String> UPPER = Set.copyOf(MARKERS);
  private static final int LONGEST = MARKERS.stream().mapToInt(String::length).max().orElse(0);

  private MissingMarkers() {
  }

  /** Whether {@code text} (already trimmed) marks a missing cell. */
  public static boolean isMissing(String text) {
    return text.length() <= LONGEST && UPPER.contains(text.toUpperCase(Locale.ROOT));
  }
}
