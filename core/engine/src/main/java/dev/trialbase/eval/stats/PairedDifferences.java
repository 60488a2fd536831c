package dev.trialbase.eval.stats;

/**
 * The differences {@code a[i] - b[i]} of two runs' scores on the same folds, checked and with
 * floating-point noise removed. Two differences within {@code tolerance} of each other are
 * equal in exact arithmetic for all practical purposes (0.9 - 0.8 and 0.8 - 0.7 differ by
 * 1e-16 in doubles), so differences within it of zero are set to exactly zero here, and the
 * Wilcoxon test treats absolute differences within it of each other as ties.
 *
 * @param values the differences, zeros exact
 * @param tolerance {@code 1e-12} times the largest absolute score; 0 when all scores are 0
 */
record PairedDifferences(double[] values, double tolerance) {

  /** Relative size below which a difference is rounding noise. */
  static final double RELATIVE_TOLERANCE = 1e-12;

  /**
   * The differences of paired scores.
   *
   * @throws IllegalArgumentException when the arrays differ in length, are empty, or hold a
   *     NaN or infinite score (a fold without a score cannot be paired)
   */
  static PairedDifferences of(double[] a, double[] b) {
    if (a.length != b.length) {
      throw new IllegalArgumentException("paired scores need the same folds, got " + a.length
          + " and " + b.length + " scores");
    }
    if (a.length == 0) {
      throw new IllegalArgumentException("no paired scores");
    }
    double largest = 0;
    for (int i = 0; i < a.length; i++) {
      if (!Double.isFinite(a[i]) || !Double.isFinite(b[i])) {
        throw new IllegalArgumentException("fold " + i + " has no finite score in both runs ("
            + a[i] + ", " + b[i] + ")");
      }
      largest = Math.max(largest, Math.max(Math.abs(a[i]), Math.abs(b[i])));
    }
    double tolerance = RELATIVE_TOLERANCE * largest;
    double[] d = new double[a.length];
    for (int i = 0; i < a.length; i++) {
      double diff = a[i] - b[i];
      d[i] = Math.abs(diff) <= tolerance ? 0 : diff;
    }
    return new PairedDifferences(d, tolerance);
  }

  int size() {
    return values.length;
  }

  double mean() {
    double sum = 0;
    for (double v : values) {
      sum += v;
    }
    return sum / values.length;
  }

  /** The sample variance (divisor k - 1); 0 for a single difference. */
  double sampleVariance() {
    if (values.length < 2) {
      return 0;
    }
    double mean = mean();
    double squares = 0;
    for (double v : values) {
      squares += (v - mean) * (v - mean);
    }
    return squares / (values.length - 1);
  }
}
