package dev.trialbase.eval.stats;

/**
 * The standard normal distribution, for the large-sample approximation of the Wilcoxon test.
 * The complementary error function is Numerical Recipes' Chebyshev fit {@code erfcc},
 * fractional error below 1.2e-7 everywhere: ample for an approximation that is itself only
 * used when n is large.
 */
public final class Normal {

  private Normal() {
  }

  /** {@code P(Z <= z)}. */
  public static double cdf(double z) {
    if (Double.isNaN(z)) {
      throw new IllegalArgumentException("z is NaN");
    }
    return 0.5 * erfc(-z / Math.sqrt(2));
  }

  /** {@code P(|Z| >= |z|)}. */
  public static double twoSidedP(double z) {
    if (Double.isNaN(z)) {
      throw new IllegalArgumentException("z is NaN");
    }
    return erfc(Math.abs(z) / Math.sqrt(2));
  }

  /** The complementary error function, {@code 1 - erf(x)}. */
  static double erfc(double x) {
    double z = Math.abs(x);
    double t = 1 / (1 + 0.5 * z);
    double poly = -z * z - 1.26551223 + t * (1.00002368 + t * (0.37409196 + t * (0.09678418
        + t * (-0.18628806 + t * (0.27886807 + t * (-1.13520398 + t * (1.48851587
        + t * (-0.82215223 + t * 0.17087277))))))));
    double ans = t * Math.exp(poly);
    return x >= 0 ? ans : 2 - ans;
  }
}
