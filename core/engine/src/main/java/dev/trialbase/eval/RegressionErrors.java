package dev.trialbase.eval;

/**
 * How far predicted values are from true ones, as scikit-learn 1.2's {@code r2_score},
 * {@code mean_squared_error(squared=False)} and {@code mean_absolute_error} define it.
 */
final class RegressionErrors {

  private RegressionErrors() {
  }

  /**
   * The coefficient of determination 1 - SS_res / SS_tot. With {@code force_finite} as in
   * scikit-learn: when the true values are all equal (SS_tot = 0) it is 1.0 for a perfect
   * prediction and 0.0 otherwise. NaN for fewer than two rows, where scikit-learn calls it
   * not well-defined.
   */
  static double r2(double[] y, double[] predicted) {
    int n = y.length;
    if (n < 2) {
      return Double.NaN;
    }
    double mean = 0;
    for (double v : y) {
      mean += v;
    }
    mean /= n;
    double residual = 0;
    double totalSquares = 0;
    for (int i = 0; i < n; i++) {
      residual += (y[i] - predicted[i]) * (y[i] - predicted[i]);
      totalSquares += (y[i] - mean) * (y[i] - mean);
    }
    if (totalSquares == 0) {
      return residual == 0 ? 1.0 : 0.0;
    }
    return 1 - residual / totalSquares;
  }

  /** Root of the mean squared error. */
  static double rmse(double[] y, double[] predicted) {
    double sum = 0;
    for (int i = 0; i < y.length; i++) {
      sum += (y[i] - predicted[i]) * (y[i] - predicted[i]);
    }
    return Math.sqrt(sum / y.length);
  }

  /** Mean absolute error. */
  static double mae(double[] y, double[] predicted) {
    double sum = 0;
    for (int i = 0; i < y.length; i++) {
      sum += Math.abs(y[i] - predicted[i]);
    }
    return sum / y.length;
  }
}
