package dev.trialbase.eval.stats;

/**
 * Student's t distribution with {@code df} degrees of freedom, through the incomplete beta
 * function: the two-sided tail {@code P(|T| >= |t|) = I_{df/(df+t²)}(df/2, 1/2)}.
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
    double x = df / (df + t * t);
    return IncompleteBeta.regularized(x, df / 2, 0.5);
  }

  /** The cumulative distribution function {@code P(T <= t)}. */
  public static double cdf(double t, double df) {
    double tail = twoSidedP(t, df) / 2;
    return t < 0 ? tail : 1 - tail;
  }

  private static void checkDf(double df) {
    if (!(df > 0) || Double.isInfinite(df)) {
      throw new IllegalArgumentException("degrees of freedom must be positive, got " + df);
    }
  }
}
