package dev.trialbase.eval;

/**
 * Mean and sample standard deviation of one metric over folds. The standard deviation uses
 * n - 1 (0 for a single value); NaN values propagate, so a fold without a score is visible.
 *
 * <p>Note: scikit-learn's {@code cv_results_} reports the population standard deviation
 * (n); we use the sample one because it is what the paired tests in {@code compare} need.
 */
public record Summary(double mean, double std) {

  public static Summary of(double[] values) {
    if (values.length == 0) {
      return new Summary(Double.NaN, Double.NaN);
    }
    double mean = 0;
    for (double v : values) {
      mean += v;
    }
    mean /= values.length;
    if (values.length == 1) {
      return new Summary(mean, 0);
    }
    double squares = 0;
    for (double v : values) {
      squares += (v - mean) * (v - mean);
    }
    return new Summary(mean, Math.sqrt(squares / (values.length - 1)));
  }
}
