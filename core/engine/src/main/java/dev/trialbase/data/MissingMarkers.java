package dev.trialbase.data;

import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * The texts that mean "no value" in a CSV cell, the same for features and target. The list is
 * what spreadsheets, R and pandas write for a missing value, compared without regard to case:
 * an empty cell, {@code ?} (Weka), {@code -}, {@code NA}, {@code N/A}, {@code #N/A},
 * {@code #N/A N/A}, {@code #NA}, {@code <NA>}, {@code NaN}, {@code -NaN}, {@code NULL}; and
 * Python's {@code None}, exactly so written, because lower-case {@code none} is a category
 * in real data (Weka's credit-g has it in three columns: no other parties, no telephone).
 * Anything else is a value; {@code inf} and {@code Infinity} are text, not numbers.
 */
public final class MissingMarkers {

  /** The markers compared without regard to case, in upper case. */
  public static final List<String> MARKERS = List.of("", "?", "-", "NA", "N/A", "#N/A",
      "#N/A N/A", "#NA", "<NA>", "NAN", "-NAN", "NULL");

  /** Python's {@code str(None)}, matched with its case. */
  public static final String PYTHON_NONE = "None";

  private static final Set<String> UPPER = Set.copyOf(MARKERS);
  private static final int LONGEST = MARKERS.stream().mapToInt(String::length).max().orElse(0);

  private MissingMarkers() {
  }

  /** Whether {@code text} (already trimmed) marks a missing cell. */
  public static boolean isMissing(String text) {
    return text.length() <= LONGEST
        && (UPPER.contains(text.toUpperCase(Locale.ROOT)) || text.equals(PYTHON_NONE));
  }
}
