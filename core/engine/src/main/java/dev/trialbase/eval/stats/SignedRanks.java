package dev.trialbase.eval.stats;

import java.util.Arrays;
import java.util.Comparator;

/**
 * Ranks of the absolute non-zero differences, ties sharing their average rank. Ranks are
 * kept doubled, {@code 2 * rank}, so that average ranks (multiples of one half) are exact
 * integers and the permutation distribution can be tabulated by integer sums.
 *
 * @param doubledRanks {@code 2 * rank} of each non-zero difference
 * @param positive whether each of those differences is positive
 * @param tieSizes the size of every group of tied absolute differences (1 for no tie)
 */
record SignedRanks(int[] doubledRanks, boolean[] positive, int[] tieSizes) {

  /** Ranks {@code d}, dropping zeros; absolute values within {@code tolerance} tie. */
  static SignedRanks of(PairedDifferences d) {
    double[] nonZero = Arrays.stream(d.values()).filter(v -> v != 0).toArray();
    int n = nonZero.length;
    Integer[] order = new Integer[n];
    for (int i = 0; i < n; i++) {
      order[i] = i;
    }
    Arrays.sort(order, Comparator.comparingDouble(i -> Math.abs(nonZero[i])));
    int[] doubled = new int[n];
    boolean[] positive = new boolean[n];
    int[] ties = new int[n];
    int groups = 0;
    int i = 0;
    while (i < n) {
      double start = Math.abs(nonZero[order[i]]);
      int j = i;
      while (j + 1 < n && Math.abs(nonZero[order[j + 1]]) - start <= d.tolerance()) {
        j++;
      }
      // Positions i..j (0-based) hold ranks i+1..j+1, whose average doubled is i + j + 2.
      for (int t = i; t <= j; t++) {
        doubled[t] = i + j + 2;
        positive[t] = nonZero[order[t]] > 0;
      }
      ties[groups++] = j - i + 1;
      i = j + 1;
    }
    return new SignedRanks(doubled, positive, Arrays.copyOf(ties, groups));
  }

  int size() {
    return doubledRanks.length;
  }

  /** {@code 2 * W+}. */
  int doubledPlus() {
    int sum = 0;
    for (int i = 0; i < doubledRanks.length; i++) {
      if (positive[i]) {
        sum += doubledRanks[i];
      }
    }
    return sum;
  }

  /** {@code 2 * (W+ + W-)} = n(n + 1). */
  int doubledTotal() {
    return Arrays.stream(doubledRanks).sum();
  }
}
