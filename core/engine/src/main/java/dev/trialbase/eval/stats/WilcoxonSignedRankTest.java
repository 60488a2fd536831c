package dev.trialbase.eval.stats;

/**
 * The Wilcoxon signed-rank test for paired scores: distribution-free, so it suits fold
 * scores that are bounded or skewed. Zero differences are dropped (Wilcoxon's original
 * method, scipy's default {@code zero_method="wilcox"}); tied absolute differences get their
 * average rank.
 *
 * <p>For up to {@link #EXACT_MAX_N} non-zero differences the p-value is exact: the
 * permutation distribution of W+ over all 2^n equally likely sign assignments of the
 * observed (possibly tied) ranks, tabulated by dynamic programming over rank sums, which
 * gives the same numbers as enumerating the assignments. Two-sided means
 * {@code P(|W+ - E| >= |w+ - E|)} with {@code E = n(n+1)/4}; without ties this is scipy's
 * exact p-value. Above that size the normal approximation with tie correction and no
 * continuity correction is used (scipy's {@code method="approx"}).
 */
public final class WilcoxonSignedRankTest {

  /** The largest n whose p-value is computed exactly (about 8 million steps). */
  public static final int EXACT_MAX_N = 200;

  private WilcoxonSignedRankTest() {
  }

  /**
   * Tests scores {@code a} against {@code b}, paired by index.
   *
   * @throws IllegalArgumentException when lengths differ, are zero, or a score is not finite
   */
  public static WilcoxonResult test(double[] a, double[] b) {
    SignedRanks ranks = SignedRanks.of(PairedDifferences.of(a, b));
    int n = ranks.size();
    int plus = ranks.doubledPlus();
    int total = ranks.doubledTotal();
    double wPlus = plus / 2.0;
    double wMinus = (total - plus) / 2.0;
    if (n == 0) {
      return new WilcoxonResult(0, 0, 0, 1, true);
    }
    if (n <= EXACT_MAX_N) {
      return new WilcoxonResult(wPlus, wMinus, n, exactP(ranks), true);
    }
    return new WilcoxonResult(wPlus, wMinus, n, approximateP(ranks), false);
  }

  /** The exact two-sided p-value by tabulating the distribution of 2·W+. */
  static double exactP(SignedRanks ranks) {
    int total = ranks.doubledTotal();
    double[] probability = new double[total + 1];
    probability[0] = 1;
    int reach = 0;
    for (int r : ranks.doubledRanks()) {
      // Each rank joins W+ or not with probability 1/2; walk down so each is used once.
      reach += r;
      for (int s = reach; s >= 0; s--) {
        double without = probability[s];
        double with = s >= r ? probability[s - r] : 0;
        probability[s] = 0.5 * (without + with);
      }
    }
    int observed = Math.abs(2 * ranks.doubledPlus() - total);
    double p = 0;
    for (int s = 0; s <= total; s++) {
      if (Math.abs(2 * s - total) >= observed) {
        p += probability[s];
      }
    }
    return Math.min(1, p);
  }

  /** The normal approximation, with the variance reduced for ties. */
  static double approximateP(SignedRanks ranks) {
    double n = ranks.size();
    double mean = n * (n + 1) / 4;
    double variance = n * (n + 1) * (2 * n + 1) / 24;
    for (int t : ranks.tieSizes()) {
      variance -= ((double) t * t * t - t) / 48;
    }
    double z = (ranks.doubledPlus() / 2.0 - mean) / Math.sqrt(variance);
    return Normal.twoSidedP(z);
  }
}
