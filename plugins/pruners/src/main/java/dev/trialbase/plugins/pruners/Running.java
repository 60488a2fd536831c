package dev.trialbase.plugins.pruners;

import java.util.List;
import java.util.Locale;

/** Running means over folds, and scores shown in the objective's own sign. */
final class Running {

  private Running() {
  }

  /** The mean of the first {@code k} scores. */
  static double mean(List<Double> scores, int k) {
    double sum = 0;
    for (int i = 0; i < k; i++) {
      sum += scores.get(i);
    }
    return sum / k;
  }

  /** An oriented score as the objective reads (negated back for a minimised objective). */
  static String shown(double oriented, boolean maximize) {
    return String.format(Locale.ROOT, "%.5f", maximize ? oriented : -oriented);
  }
}
