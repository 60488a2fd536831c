package dev.trialbase.plugins.tpe;

/** {@code log(sum(exp(terms)))} without overflow; terms far below the largest are skipped. */
final class LogSum {

  /** Terms this far below the largest add less than e^-50 relative: left out. */
  static final double NEGLIGIBLE = 50;

  private LogSum() {
  }

  /** Of the first {@code n} terms; negative infinity when there are none. */
  static double of(double[] terms, int n) {
    double max = Double.NEGATIVE_INFINITY;
    for (int i = 0; i < n; i++) {
      max = Math.max(max, terms[i]);
    }
    if (max == Double.NEGATIVE_INFINITY) {
      return max;
    }
    double sum = 0;
    for (int i = 0; i < n; i++) {
      double d = terms[i] - max;
      if (d > -NEGLIGIBLE) {
        sum += Math.exp(d);
      }
    }
    return max + Math.log(sum);
  }
}
