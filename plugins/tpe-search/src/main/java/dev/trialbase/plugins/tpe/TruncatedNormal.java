package dev.trialbase.plugins.tpe;

import java.util.SplittableRandom;

/**
 * The normal distribution truncated to an interval {@code [low, high]}: log density, log mass
 * of a sub-interval, and draws. The complementary error function is Numerical Recipes'
 * Chebyshev fit {@code erfcc} (Press et al., section 6.2; fractional error below 1.2e-7
 * everywhere), ample for ranking candidates by a density ratio.
 */
final class TruncatedNormal {

  /** {@code log(sqrt(2 pi))}. */
  static final double LOG_SQRT_2PI = 0.5 * Math.log(2 * Math.PI);
  /** Draws outside the interval rejected before a draw is clamped into it. */
  private static final int MAX_REJECTIONS = 64;

  private TruncatedNormal() {
  }

  /** {@code P(Z <= z)} for a standard normal Z. */
  static double cdf(double z) {
    return 0.5 * erfc(-z / Math.sqrt(2));
  }

  /** The standard normal probability of {@code [lo, hi]}, accurate in either tail. */
  static double mass(double lo, double hi) {
    if (lo >= 0) {
      return 0.5 * (erfc(lo / Math.sqrt(2)) - erfc(hi / Math.sqrt(2)));
    }
    if (hi <= 0) {
      return 0.5 * (erfc(-hi / Math.sqrt(2)) - erfc(-lo / Math.sqrt(2)));
    }
    return cdf(hi) - cdf(lo);
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

  /**
   * The log of the normalising constant's reciprocal: {@code -log(sigma * Z)} where
   * {@code Z = P(low <= X <= high)} for {@code X ~ N(mu, sigma)}.
   */
  static double logNormaliser(double mu, double sigma, double low, double high) {
    if (mu - low > 9 * sigma && high - mu > 9 * sigma) {
      return -Math.log(sigma); // Z = 1 to double precision (each tail below 1.2e-19)
    }
    return -Math.log(sigma) - Math.log(mass((low - mu) / sigma, (high - mu) / sigma));
  }

  /**
   * One draw from {@code N(mu, sigma)} truncated to {@code [low, high]}, by rejection (the
   * interval holds at least a third of the mass for every kernel TPE builds), clamped after
   * {@value #MAX_REJECTIONS} misses so that a draw always ends.
   */
  static double sample(double mu, double sigma, double low, double high,
      SplittableRandom random) {
    double x = mu;
    for (int i = 0; i < MAX_REJECTIONS; i++) {
      x = mu + sigma * random.nextGaussian();
      if (x >= low && x <= high) {
        return x;
      }
    }
    return Math.min(high, Math.max(low, x));
  }
}
