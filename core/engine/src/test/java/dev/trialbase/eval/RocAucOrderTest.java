package dev.trialbase.eval;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * {@link Metric#rocAuc} sorts indices without boxing; it must give bit for bit what the boxed
 * stable sort gave, so that stored fold scores do not change: equal values, NaN, -0.0 and
 * every size, against the former implementation kept here as the reference.
 */
class RocAucOrderTest {

  @Test
  void ordersIndicesExactlyAsAStableBoxedSort() {
    SplittableRandom random = new SplittableRandom(11);
    for (int round = 0; round < 3000; round++) {
      double[] p = scores(random, random.nextInt(0, 300));
      assertThat(Metric.ascendingOrder(p)).as("p = %s", Arrays.toString(p))
          .containsExactly(boxedOrder(p));
    }
  }

  @Test
  void rocAucIsBitIdenticalToTheBoxedImplementation() {
    SplittableRandom random = new SplittableRandom(12);
    for (int round = 0; round < 3000; round++) {
      int n = random.nextInt(1, 300);
      double[] p = scores(random, n);
      int[] y = new int[n];
      for (int i = 0; i < n; i++) {
        y[i] = random.nextInt(2);
      }
      assertThat(Double.doubleToRawLongBits(Metric.rocAuc(y, p)))
          .as("y = %s, p = %s", Arrays.toString(y), Arrays.toString(p))
          .isEqualTo(Double.doubleToRawLongBits(referenceRocAuc(y, p)));
    }
  }

  /** Scores with many ties, signed zeros and the odd NaN or infinity. */
  private static double[] scores(SplittableRandom random, int n) {
    double[] p = new double[n];
    int distinct = 1 + random.nextInt(Math.max(1, n));
    for (int i = 0; i < n; i++) {
      int pick = random.nextInt(40);
      p[i] = pick == 0 ? Double.NaN : pick == 1 ? -0.0 : pick == 2 ? 0.0
          : pick == 3 ? Double.POSITIVE_INFINITY : random.nextInt(distinct) / (double) distinct;
    }
    return p;
  }

  private static int[] boxedOrder(double[] p) {
    Integer[] order = new Integer[p.length];
    for (int i = 0; i < order.length; i++) {
      order[i] = i;
    }
    Arrays.sort(order, (a, b) -> Double.compare(p[a], p[b]));
    return Arrays.stream(order).mapToInt(Integer::intValue).toArray();
  }

  /** Metric.rocAuc as it was, with the boxed sort. */
  private static double referenceRocAuc(int[] y, double[] p) {
    int[] order = boxedOrder(p);
    double positiveRankSum = 0;
    long positives = 0;
    int i = 0;
    while (i < order.length) {
      int j = i;
      while (j + 1 < order.length && p[order[j + 1]] == p[order[i]]) {
        j++;
      }
      double averageRank = (i + j) / 2.0 + 1;
      for (int t = i; t <= j; t++) {
        if (y[order[t]] == 1) {
          positiveRankSum += averageRank;
          positives++;
        }
      }
      i = j + 1;
    }
    long negatives = y.length - positives;
    if (positives == 0 || negatives == 0) {
      return Double.NaN;
    }
    return (positiveRankSum - positives * (positives + 1) / 2.0) / (positives * negatives);
  }
}
