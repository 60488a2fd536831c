package dev.trialbase.eval.stats;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class CorrectedResampledTTestTest {

  /*
   * Hand-computed example, k = 5 folds.
   *   a = 0.82 0.84 0.79 0.83 0.80
   *   b = 0.80 0.80 0.78 0.80 0.80
   *   d = 0.02 0.04 0.01 0.03 0.00          mean(d) = 0.10 / 5 = 0.02
   *   d - mean = 0, 0.02, -0.01, 0.01, -0.02; squares sum = 0 + 4e-4 + 1e-4 + 1e-4 + 4e-4 = 1e-3
   *   var(d) = 1e-3 / (5 - 1) = 2.5e-4
   *   n_test/n_train = 1/(k-1) = 0.25; factor = 1/5 + 1/4 = 0.45
   *   t = 0.02 / sqrt(0.45 · 2.5e-4) = 0.02 / sqrt(1.125e-4) = 0.02 / 0.0106066017 = 1.8856180832
   *   df = 4; p = 2·(1 - F4(t)) with the df = 4 closed form (StudentTTest.cdf4) = 0.13241892
   *   (scipy: 2 * scipy.stats.t.sf(1.8856180831641267, 4) = 0.1324189222202493)
   *   The uncorrected paired t would be 0.02 / sqrt(2.5e-4 / 5) = 2.8284 (p = 0.047): the
   *   correction is what keeps this from looking significant at 5%.
   */
  @Test
  void handComputedExample() {
    double[] a = {0.82, 0.84, 0.79, 0.83, 0.80};
    double[] b = {0.80, 0.80, 0.78, 0.80, 0.80};
    TTestResult r = CorrectedResampledTTest.kFold(a, b);
    assertThat(r.meanDifference()).isCloseTo(0.02, within(1e-12));
    assertThat(r.t()).isCloseTo(1.8856180831641267, within(1e-9));
    assertThat(r.df()).isEqualTo(4);
    assertThat(r.p()).isCloseTo(2 * (1 - StudentTTest.cdf4(1.8856180831641267)), within(1e-9));
    assertThat(r.p()).isCloseTo(0.1324189222202493, within(1e-9));
    assertThat(r.significant(0.05)).isFalse();
    assertThat(r.significant(0.2)).isTrue();
  }

  @Test
  void swappingRunsFlipsTheSignButNotP() {
    double[] a = {0.82, 0.84, 0.79, 0.83, 0.80};
    double[] b = {0.80, 0.80, 0.78, 0.80, 0.80};
    TTestResult ab = CorrectedResampledTTest.kFold(a, b);
    TTestResult ba = CorrectedResampledTTest.kFold(b, a);
    assertThat(ba.t()).isCloseTo(-ab.t(), within(1e-12));
    assertThat(ba.meanDifference()).isCloseTo(-ab.meanDifference(), within(1e-12));
    assertThat(ba.p()).isCloseTo(ab.p(), within(1e-14));
  }

  @Test
  void zeroRatioIsThePlainPairedTTest() {
    // With n_test/n_train = 0 the factor is 1/k: t = 0.02 / sqrt(2.5e-4/5) = 2.8284271247
    double[] a = {0.82, 0.84, 0.79, 0.83, 0.80};
    double[] b = {0.80, 0.80, 0.78, 0.80, 0.80};
    TTestResult r = CorrectedResampledTTest.test(a, b, 0);
    assertThat(r.t()).isCloseTo(2 * Math.sqrt(2), within(1e-9));
  }

  @Test
  void identicalScoresGiveP1() {
    double[] a = {0.9, 0.8, 0.7};
    TTestResult r = CorrectedResampledTTest.kFold(a, a.clone());
    assertThat(r.t()).isEqualTo(0.0);
    assertThat(r.p()).isEqualTo(1.0);
    assertThat(r.meanDifference()).isEqualTo(0.0);
  }

  @Test
  void constantNonZeroDifferenceGivesInfiniteTAndP0() {
    // 0.9-0.8, 0.8-0.7 and 0.7-0.6 are all 0.1 but differ in the last bits as doubles; an
    // integer shift is exact.
    TTestResult up = CorrectedResampledTTest.kFold(new double[] {3, 4, 5}, new double[] {1, 2, 3});
    assertThat(up.t()).isEqualTo(Double.POSITIVE_INFINITY);
    assertThat(up.p()).isEqualTo(0.0);
    assertThat(up.meanDifference()).isEqualTo(2.0);
    TTestResult down = CorrectedResampledTTest.kFold(new double[] {1, 2, 3}, new double[] {3, 4, 5});
    assertThat(down.t()).isEqualTo(Double.NEGATIVE_INFINITY);
    assertThat(down.p()).isEqualTo(0.0);
  }

  @Test
  void nearlyConstantDifferenceIsStillOverwhelming() {
    TTestResult r = CorrectedResampledTTest.kFold(new double[] {0.9, 0.8, 0.7},
        new double[] {0.8, 0.7, 0.6});
    assertThat(r.p()).isLessThan(1e-9);
  }

  @Test
  void rejectsUnpairedOrMissingScores() {
    assertThatThrownBy(() -> CorrectedResampledTTest.kFold(new double[] {1, 2}, new double[] {1}))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("same folds");
    assertThatThrownBy(() -> CorrectedResampledTTest.kFold(new double[] {1}, new double[] {1}))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("at least 2");
    assertThatThrownBy(() -> CorrectedResampledTTest.kFold(new double[] {1, Double.NaN},
        new double[] {1, 2}))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("fold 1");
    assertThatThrownBy(() -> CorrectedResampledTTest.kFold(new double[] {1, 2}, new double[] {1, 3})
        .significant(1.5)).isInstanceOf(IllegalArgumentException.class);
  }
}
