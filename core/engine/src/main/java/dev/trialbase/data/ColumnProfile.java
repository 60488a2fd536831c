package dev.trialbase.data;

import dev.trialbase.api.Attribute;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What the first pass over a CSV file learns about one column: whether every non-missing cell
 * is a number (and an integer), and its distinct texts. A numeric column's texts are only kept
 * up to {@value #NUMERIC_TEXT_LIMIT}, so a million distinct measurements cost no memory; if
 * such a column later turns out to hold text, {@link #lostTexts()} asks for one more pass that
 * collects them.
 */
final class ColumnProfile {

  /** How many distinct texts a so-far numeric column keeps. */
  static final int NUMERIC_TEXT_LIMIT = 1024;

  private final String name;
  private final boolean keepAllTexts;
  private boolean numeric = true;
  private boolean integral;
  private long missing;
  private Set<String> texts = new HashSet<>();
  private boolean lostTexts;

  /**
   * @param keepAllTexts keep every distinct text even while the column looks numeric (a
   *     column that will be read as nominal whatever it holds)
   * @param checkIntegers find out whether all numbers are integers (for the target); costs a
   *     parse per cell
   */
  ColumnProfile(String name, boolean keepAllTexts, boolean checkIntegers) {
    this.name = name;
    this.keepAllTexts = keepAllTexts;
    this.integral = checkIntegers;
  }

  /** Counts one trimmed cell. */
  void add(String text) {
    if (MissingMarkers.isMissing(text)) {
      missing++;
      return;
    }
    if (numeric) {
      if (!DecimalNumbers.isNumber(text)) {
        numeric = false;
        integral = false;
        lostTexts = texts == null;
      } else if (integral) {
        double value = DecimalNumbers.parse(text);
        integral = value == Math.rint(value);
      }
    }
    if (texts != null) {
      texts.add(text);
      if (numeric && !keepAllTexts && texts.size() > NUMERIC_TEXT_LIMIT) {
        texts = null;
      }
    }
  }

  /** Adds a text in the extra pass for a column whose texts were dropped. */
  void collect(String text) {
    if (!MissingMarkers.isMissing(text)) {
      texts.add(text);
    }
  }

  /** Whether the column needs an extra pass to collect its texts; starts that pass. */
  boolean lostTexts() {
    if (lostTexts && texts == null) {
      texts = new HashSet<>();
    }
    return lostTexts;
  }

  String name() {
    return name;
  }

  /** Whether every non-missing cell is a decimal number. */
  boolean isNumeric() {
    return numeric;
  }

  /** Whether every non-missing cell is a number with an integer value (if checked at all). */
  boolean isIntegral() {
    return numeric && integral;
  }

  /** How many distinct texts the column holds, or -1 when they were not kept. */
  int distinctCount() {
    return texts == null ? -1 : texts.size();
  }

  long missingCount() {
    return missing;
  }

  /**
   * The column as a nominal attribute: its distinct texts as written, ordered numerically when
   * all are numbers (different spellings of one number, such as {@code 1} and {@code 01}, stay
   * two values, ordered by text), otherwise by {@link String#compareTo}.
   */
  Attribute nominal() {
    List<String> values = new ArrayList<>(texts);
    values.sort(numeric ? numericOrder(values) : Comparator.naturalOrder());
    return Attribute.nominal(name, values);
  }

  private static Comparator<String> numericOrder(List<String> values) {
    Map<String, Double> parsed = new HashMap<>();
    values.forEach(v -> parsed.put(v, DecimalNumbers.parse(v) + 0.0)); // -0 sorts as 0
    return Comparator.<String>comparingDouble(parsed::get).thenComparing(Comparator.naturalOrder());
  }
}
