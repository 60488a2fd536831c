package dev.trialbase.eval.stats;

import org.apache.commons.statistics.distribution.NormalDistribution;

/**
 * The standard normal distribution, for the large-sample approximation of the Wilcoxon test,
 * from Apache Commons Statistics.
 */
public final class Normal {

  private static final NormalDistribution STANDARD = NormalDistribution.of(0, 1);

  private Normal() {
  }

  /** {@code P(Z <= z)}. */
  public static double cdf(double z) {
    if (Double.isNaN(z)) {
      throw new IllegalArgumentException("z is NaN");
    }
    return STANDARD.cumulativeProbability(z);
  }

  /** {@code P(|Z| >= |z|)}. */
  public static double twoSidedP(double z) {
    if (Double.isNaN(z)) {
      throw new IllegalArgumentException("z is NaN");
    }
    return Math.min(1, 2 * STANDARD.survivalProbability(Math.abs(z)));
  }
}
