package dev.trialbase.store;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * The packed form of a metric's scores on a trial's folds, {@code trial_metrics.fold_scores}:
 * a JSON array with one number per fold in fold order, {@code null} where the score is
 * undefined. Public for tools that fill a database directly (the benchmarks). Java's shortest round-tripping decimal form, so reading gives back the very same
 * doubles; SQLite's {@code json_each} (the {@code fold_metrics} view) reads them exactly too.
 */
public final class FoldScores {

  private FoldScores() {
  }

  /** {@code values} as a JSON array; a value that is not finite becomes {@code null}. */
  public static String encode(double[] values) {
    StringBuilder out = new StringBuilder(2 + values.length * 20);
    out.append('[');
    for (int i = 0; i < values.length; i++) {
      if (i > 0) {
        out.append(',');
      }
      double v = values[i];
      if (Double.isFinite(v)) {
        out.append(v);
      } else {
        out.append("null");
      }
    }
    return out.append(']').toString();
  }

  /**
   * The scores in {@code json}, {@code null} for an undefined one; empty for {@code null}.
   *
   * @throws StoreException when {@code json} is not an array of numbers and nulls
   */
  public static List<Double> decode(String json) {
    if (json == null) {
      return List.of();
    }
    String text = json.strip();
    if (text.length() < 2 || text.charAt(0) != '[' || text.charAt(text.length() - 1) != ']') {
      throw new StoreException("fold scores are not a JSON array: " + json);
    }
    String body = text.substring(1, text.length() - 1).strip();
    if (body.isEmpty()) {
      return List.of();
    }
    List<Double> out = new ArrayList<>();
    int start = 0;
    while (true) {
      int comma = body.indexOf(',', start);
      String item = (comma < 0 ? body.substring(start) : body.substring(start, comma)).strip();
      out.add(item.equals("null") ? null : parse(item, json));
      if (comma < 0) {
        return Collections.unmodifiableList(out);
      }
      start = comma + 1;
    }
  }

  private static Double parse(String item, String json) {
    try {
      return Double.valueOf(item);
    } catch (NumberFormatException e) {
      throw new StoreException("fold scores hold something other than a number: " + json, e);
    }
  }
}
