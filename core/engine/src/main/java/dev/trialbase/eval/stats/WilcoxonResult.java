package dev.trialbase.eval.stats;

/**
 * The outcome of a Wilcoxon signed-rank test of paired scores {@code a} against {@code b}.
 *
 * @param wPlus the sum of the ranks of positive differences ({@code a} higher)
 * @param wMinus the sum of the ranks of negative differences
 * @param n the number of non-zero differences that were ranked
 * @param p the two-sided p-value
 * @param exact whether {@code p} is exact (the permutation distribution over all 2^n sign
 *     assignments) rather than the normal approximation
 */
public record WilcoxonResult(double wPlus, double wMinus, int n, double p, boolean exact) {

  /** The usual reported statistic, {@code min(W+, W-)}, as scipy reports it. */
  public double statistic() {
    return Math.min(wPlus, wMinus);
  }

  /** Whether the difference is significant at level {@code alpha}, i.e. {@code p < alpha}. */
  public boolean significant(double alpha) {
    return p < Alpha.checked(alpha);
  }
}
