package dev.trialbase.eval;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class MetricTest {

  private static final double TOL = 1e-12;

  // Eight rows. Decision: positive iff p > 0.5 (strictly, so 0.5 is predicted negative).
  //   row  y  p    predicted  cell
  //   0    1  0.9  1          TP
  //   1    1  0.6  1          TP
  //   2    1  0.4  0          FN
  //   3    0  0.7  1          FP
  //   4    0  0.2  0          TN
  //   5    0  0.5  0          TN   (tie at 0.5 goes to the negative class)
  //   6    1  0.5  0          FN
  //   7    0  0.1  0          TN
  // TP = 2, FP = 1, TN = 3, FN = 2.
  private static final int[] Y = {1, 1, 1, 0, 0, 0, 1, 0};
  private static final double[] P = {0.9, 0.6, 0.4, 0.7, 0.2, 0.5, 0.5, 0.1};

  @Test
  void accuracyIsCorrectOverAll() {
    // (TP + TN) / n = (2 + 3) / 8 = 0.625
    assertThat(Metric.ACCURACY.score(Y, P)).isCloseTo(0.625, within(TOL));
  }

  @Test
  void precisionIsTruePositivesOverPredictedPositives() {
    // TP / (TP + FP) = 2 / 3
    assertThat(Metric.PRECISION.score(Y, P)).isCloseTo(2.0 / 3, within(TOL));
  }

  @Test
  void recallIsTruePositivesOverActualPositives() {
    // TP / (TP + FN) = 2 / 4 = 0.5
    assertThat(Metric.RECALL.score(Y, P)).isCloseTo(0.5, within(TOL));
  }

  @Test
  void f1IsHarmonicMeanOfPrecisionAndRecall() {
    // 2TP / (2TP + FP + FN) = 4 / (4 + 1 + 2) = 4/7;
    // check: 2 * (2/3) * (1/2) / (2/3 + 1/2) = (2/3) / (7/6) = 4/7.
    assertThat(Metric.F1.score(Y, P)).isCloseTo(4.0 / 7, within(TOL));
  }

  @Test
  void rocAucCountsOrderedPairsWithTiesAsHalf() {
    // Positives' p: 0.9, 0.6, 0.4, 0.5; negatives' p: 0.7, 0.2, 0.5, 0.1. 4 x 4 = 16 pairs.
    //   pos 0.9 vs 0.7 0.2 0.5 0.1: 1 + 1 + 1   + 1 = 4
    //   pos 0.6 vs 0.7 0.2 0.5 0.1: 0 + 1 + 1   + 1 = 3
    //   pos 0.4 vs 0.7 0.2 0.5 0.1: 0 + 1 + 0   + 1 = 2
    //   pos 0.5 vs 0.7 0.2 0.5 0.1: 0 + 1 + 1/2 + 1 = 2.5
    // AUC = 11.5 / 16 = 0.71875
    assertThat(Metric.ROC_AUC.score(Y, P)).isCloseTo(0.71875, within(TOL));
  }

  @Test
  void rocAucOfAllTiedScoresIsOneHalf() {
    // Every one of the 3 x 3 pairs is a tie: 9 * 1/2 / 9 = 0.5
    int[] y = {1, 0, 1, 0, 1, 0};
    double[] p = {0.3, 0.3, 0.3, 0.3, 0.3, 0.3};
    assertThat(Metric.ROC_AUC.score(y, p)).isCloseTo(0.5, within(TOL));
  }

  @Test
  void rocAucOfPerfectAndReversedRankingIsOneAndZero() {
    int[] y = {0, 0, 0, 1, 1, 1};
    assertThat(Metric.ROC_AUC.score(y, new double[] {0.1, 0.2, 0.3, 0.4, 0.5, 0.6}))
        .isCloseTo(1.0, within(TOL));
    assertThat(Metric.ROC_AUC.score(y, new double[] {0.6, 0.5, 0.4, 0.3, 0.2, 0.1}))
        .isCloseTo(0.0, within(TOL));
  }

  @Test
  void rocAucIsNaNWhenOnlyOneClassIsPresent() {
    double[] p = {0.1, 0.4, 0.6, 0.9, 0.3, 0.2};
    assertThat(Metric.ROC_AUC.score(new int[] {1, 1, 1, 1, 1, 1}, p)).isNaN();
    assertThat(Metric.ROC_AUC.score(new int[] {0, 0, 0, 0, 0, 0}, p)).isNaN();
  }

  @Test
  void logLossIsMeanNegativeLogLikelihood() {
    // Probabilities given to the true class: 0.9, 0.6, 0.4, 1-0.7=0.3, 1-0.2=0.8, 1-0.5=0.5,
    // 0.5, 1-0.1=0.9. Product = 0.81 * 0.24 * 0.24 * 0.25 = 0.011664.
    // log loss = -ln(0.011664) / 8 = 0.5564060129644793
    assertThat(Metric.LOG_LOSS.score(Y, P)).isCloseTo(-Math.log(0.011664) / 8, within(1e-12));
    assertThat(Metric.LOG_LOSS.score(Y, P)).isCloseTo(0.5564060129644793, within(1e-12));
  }

  @Test
  void logLossClipsCertainWrongPredictionsAtEps() {
    // y = 1, p = 0 -> clipped to 1e-15 -> -ln(1e-15) = 15 ln 10 = 34.538776394910684
    assertThat(Metric.LOG_LOSS.score(new int[] {1}, new double[] {0.0}))
        .isCloseTo(15 * Math.log(10), within(1e-9));
    // y = 0, p = 1 -> clipped to 1 - 1e-15; 1 - (1 - 1e-15) is 1e-15 only up to the double
    // spacing near 1 (1.1e-16), so about 34.54 within a few percent; above all, finite.
    double wrongNegative = Metric.LOG_LOSS.score(new int[] {0}, new double[] {1.0});
    assertThat(wrongNegative).isFinite().isCloseTo(34.54, within(0.2));
    // Both rows together: the mean of the two.
    assertThat(Metric.LOG_LOSS.score(new int[] {1, 0}, new double[] {0.0, 1.0}))
        .isCloseTo((15 * Math.log(10) + wrongNegative) / 2, within(1e-9));
  }

  @Test
  void logLossOfCertainRightPredictionsIsAboutZero() {
    // -ln(1 - 1e-15) ~= 1e-15
    double loss = Metric.LOG_LOSS.score(new int[] {1, 0, 1}, new double[] {1.0, 0.0, 1.0});
    assertThat(loss).isFinite().isGreaterThanOrEqualTo(0.0).isLessThan(1e-14);
  }

  @Test
  void precisionRecallAndF1AreZeroWhenUndefined() {
    // No true positives and nothing predicted positive: precision 0/0, recall 0/0, f1 0/0.
    int[] y = {0, 0, 0, 0, 0, 0};
    double[] p = {0.1, 0.2, 0.3, 0.4, 0.5, 0.0};
    assertThat(Metric.PRECISION.score(y, p)).isEqualTo(0.0);
    assertThat(Metric.RECALL.score(y, p)).isEqualTo(0.0);
    assertThat(Metric.F1.score(y, p)).isEqualTo(0.0);
    assertThat(Metric.ACCURACY.score(y, p)).isEqualTo(1.0);
  }

  @Test
  void precisionIsZeroWhenNothingIsPredictedPositive() {
    // Positives exist but none predicted: TP = 0, FP = 0 -> precision 0 (0/0); recall 0/3 = 0;
    // f1 = 0 / (0 + 0 + 3) = 0.
    int[] y = {1, 1, 1, 0, 0, 0};
    double[] p = {0.4, 0.3, 0.5, 0.2, 0.1, 0.0};
    assertThat(Metric.PRECISION.score(y, p)).isEqualTo(0.0);
    assertThat(Metric.RECALL.score(y, p)).isEqualTo(0.0);
    assertThat(Metric.F1.score(y, p)).isEqualTo(0.0);
    assertThat(Metric.ACCURACY.score(y, p)).isCloseTo(0.5, within(TOL));
  }

  @Test
  void mismatchedLengthsAreRejected() {
    assertThatThrownBy(() -> Metric.ACCURACY.score(new int[] {0, 1}, new double[] {0.5}))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("2 labels but 1 predictions");
  }

  @Test
  void byIdFindsEveryMetricByItsName() {
    assertThat(Metric.byId("accuracy")).isEqualTo(Metric.ACCURACY);
    assertThat(Metric.byId("precision")).isEqualTo(Metric.PRECISION);
    assertThat(Metric.byId("recall")).isEqualTo(Metric.RECALL);
    assertThat(Metric.byId("f1")).isEqualTo(Metric.F1);
    assertThat(Metric.byId("roc_auc")).isEqualTo(Metric.ROC_AUC);
    assertThat(Metric.byId("log_loss")).isEqualTo(Metric.LOG_LOSS);
  }

  @Test
  void byIdOfUnknownNameListsTheKnownNames() {
    assertThatThrownBy(() -> Metric.byId("auc"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("unknown metric 'auc'")
        .hasMessageContaining("accuracy, precision, recall, f1, roc_auc, log_loss");
  }

  @Test
  void onlyLogLossIsMinimised() {
    assertThat(Metric.LOG_LOSS.greaterIsBetter()).isFalse();
    assertThat(Metric.ACCURACY.greaterIsBetter()).isTrue();
    assertThat(Metric.ROC_AUC.greaterIsBetter()).isTrue();
    assertThat(Metric.F1.greaterIsBetter()).isTrue();
  }
}
