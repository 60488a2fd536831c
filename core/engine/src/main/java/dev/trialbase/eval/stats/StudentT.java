package dev.trialbase.eval.stats;

import org.apache.commons.statistics.distribution.TDistribution;

/**
 * Student's t distribution with {@code df} degrees of freedom, from Apache Commons Statistics
 * (a well-kept library, so no special functions are hand-written here).
 */
public final class StudentT {

  private StudentT() {
  }

  /** {@code P(|T| >= |t|)}; 0 for infinite t, 1 for t = 0. */
  public static double twoSidedP(double t, double df) {
    checkDf(df);
    if (Double.isNaN(t)) {
      throw new IllegalArgumentException("t is NaN");
    }
    if (Double.isInfinite(t)) {
      return 0;
    }
    return Math.min(1, 2 * TDistribution.of(df).survivalProbability(Math.abs(t)));
  }

  /** The cumulative distribution function {@code P(T <= t)}. */
  public static double cdf(double t, double df) {
    checkDf(df);
    if (Double.isNaN(t)) {
      throw new IllegalArgumentException("t is NaN");
    }
    return TDistribution.of(df).cumulativeProbability(t);
  }

  private static void checkDf(double df) {
    if (!(df > 0) || Double.isInfinite(df)) {
      throw new IllegalArgumentException("degrees of freedom must be positive, got " + df);
    }
  }
}
