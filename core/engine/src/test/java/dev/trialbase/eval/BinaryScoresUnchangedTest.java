package dev.trialbase.eval;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * Two-class scores must stay bit for bit what Trialbase stored before metrics became
 * multi-class, so that old runs reproduce as identical. The former {@code Metric}'s confusion
 * counts and log loss are kept below as the reference; the new code must give exactly the
 * same doubles through the probability matrix, also for rows whose two probabilities do not
 * sum to exactly 1 (as Weka's logistic returns them) and for ties.
 */
class BinaryScoresUnchangedTest {

  private static final long SEED = 0x5EED_B1A5L;

  @Test
  void matrixScoresEqualTheFormerBinaryFormulasExactly() {
    SplittableRandom seeds = new SplittableRandom(SEED);
    for (int round = 0; round < 2000; round++) {
      long seed = seeds.nextLong();
      SplittableRandom r = new SplittableRandom(seed);
      int n = 1 + r.nextInt(60);
      int[] y = new int[n];
      double[][] rows = new double[n][];
      double[] positive = new double[n];
      for (int i = 0; i < n; i++) {
        y[i] = r.nextInt(2);
        double q = switch (r.nextInt(4)) {
          case 0 -> r.nextInt(11) / 10.0;
          case 1 -> 0.5;
          default -> r.nextDouble();
        };
        // The negative column as a model may compute it: not always exactly 1 - q.
        double other = r.nextBoolean() ? 1 - q : Math.nextUp(1 - q);
        rows[i] = new double[] {other, q};
        positive[i] = q;
      }
      String context = "case seed 0x" + Long.toHexString(seed) + ": y=" + Arrays.toString(y)
          + ", p=" + Arrays.toString(positive);
      Predictions.Classes matrix = Predictions.classes(y, rows, 2, 1);
      assertSameBits(Metric.ACCURACY.score(matrix), accuracy(y, positive), context);
      assertSameBits(Metric.PRECISION.score(matrix), precision(y, positive), context);
      assertSameBits(Metric.RECALL.score(matrix), recall(y, positive), context);
      assertSameBits(Metric.F1.score(matrix), f1(y, positive), context);
      // The rank-sum code itself did not change (RocAucOrderTest, RocAucMatchesPairCountingTest);
      // what must hold is that the matrix path feeds it the positive column.
      assertSameBits(Metric.ROC_AUC.score(matrix), Metric.rocAuc(y, positive), context);
      assertSameBits(Metric.LOG_LOSS.score(matrix), logLoss(y, positive), context);
      // The old entry point, still used by callers with a positive column only.
      assertSameBits(Metric.F1.score(y, positive), f1(y, positive), context);
      assertSameBits(Metric.LOG_LOSS.score(y, positive), logLoss(y, positive), context);
    }
  }

  /** Exactly the same double: bit for bit, NaN included. */
  private static void assertSameBits(double actual, double expected, String context) {
    assertThat(Double.doubleToLongBits(actual)).as("%s: %s vs %s", context, actual, expected)
        .isEqualTo(Double.doubleToLongBits(expected));
  }

  // ---- the former formulas, verbatim in substance ----

  /** {tp, fp, tn, fn} with "positive" meaning p > 1 - p. */
  private static long[] confusion(int[] y, double[] p) {
    long[] c = new long[4];
    for (int i = 0; i < y.length; i++) {
      boolean predictedPositive = p[i] > 1 - p[i];
      if (predictedPositive) {
        c[y[i] == 1 ? 0 : 1]++;
      } else {
        c[y[i] == 1 ? 3 : 2]++;
      }
    }
    return c;
  }

  private static double accuracy(int[] y, double[] p) {
    long[] c = confusion(y, p);
    return (double) (c[0] + c[2]) / (c[0] + c[1] + c[2] + c[3]);
  }

  private static double precision(int[] y, double[] p) {
    long[] c = confusion(y, p);
    return c[0] + c[1] == 0 ? 0 : (double) c[0] / (c[0] + c[1]);
  }

  private static double recall(int[] y, double[] p) {
    long[] c = confusion(y, p);
    return c[0] + c[3] == 0 ? 0 : (double) c[0] / (c[0] + c[3]);
  }

  private static double f1(int[] y, double[] p) {
    long[] c = confusion(y, p);
    long tp = c[0];
    long fp = c[1];
    long fn = c[3];
    return 2 * tp + fp + fn == 0 ? 0 : 2.0 * tp / (2 * tp + fp + fn);
  }

  private static double logLoss(int[] y, double[] p) {
    double sum = 0;
    for (int i = 0; i < y.length; i++) {
      double q = Math.min(Math.max(p[i], 1e-15), 1 - 1e-15);
      sum += y[i] == 1 ? Math.log(q) : Math.log(1 - q);
    }
    return -sum / y.length;
  }
}
