package dev.trialbase.report;

import java.util.Arrays;

/**
 * The five numbers of a box plot: minimum, lower quartile, median, upper quartile, maximum.
 * Quartiles interpolate linearly between order statistics (Hyndman and Fan's type 7, numpy's
 * default), so for five folds they are the 2nd and 4th sorted values.
 */
record BoxStats(double min, double q1, double median, double q3, double max) {

  /** The box of the finite values in {@code values}; null when there are none. */
  static BoxStats of(double[] values) {
    double[] v = Arrays.stream(values).filter(Double::isFinite).sorted().toArray();
    if (v.length == 0) {
      return null;
    }
    return new BoxStats(v[0], quantile(v, 0.25), quantile(v, 0.5), quantile(v, 0.75),
        v[v.length - 1]);
  }

  /** The {@code p} quantile of sorted {@code v}: position {@code p (n - 1)}, interpolated. */
  static double quantile(double[] v, double p) {
    double h = p * (v.length - 1);
    int lo = (int) Math.floor(h);
    int hi = Math.min(lo + 1, v.length - 1);
    return v[lo] + (h - lo) * (v[hi] - v[lo]);
  }

  /** As ECharts' box plot reads it. */
  double[] asArray() {
    return new double[] {min, q1, median, q3, max};
  }
}
