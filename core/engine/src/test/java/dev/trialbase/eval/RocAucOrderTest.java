package dev.trialbase.eval;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * {@link Metric#rocAuc} sorts indices without boxing; the order must be exactly the one the
 * former boxed stable sort gave (equal values, NaN, -0.0, every size), since the order is all
 * that changed, so stored fold scores stay bit for bit the same.
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
}
