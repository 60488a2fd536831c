package dev.trialbase.eval.stats;

/**
 * The outcome of a paired t-test of scores {@code a} against scores {@code b}.
 *
 * @param meanDifference the mean of {@code a[i] - b[i]}; positive when {@code a} scores higher
 * @param t the t statistic; infinite when every difference is the same non-zero value
 * @param df degrees of freedom, k - 1
 * @param p the two-sided p-value
 */
public record TTestResult(double meanDifference, double t, int df, double p) {

  /** Whether the difference is significant at level {@code alpha}, i.e. {@code p < alpha}. */
  public boolean significant(double alpha) {
    return p < Alpha.checked(alpha);
  }
}
