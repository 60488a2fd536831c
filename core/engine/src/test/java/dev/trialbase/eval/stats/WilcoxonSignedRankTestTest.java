package dev.trialbase.eval.stats;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class WilcoxonSignedRankTestTest {

  private static WilcoxonResult differences(double... d) {
    return WilcoxonSignedRankTest.test(d, new double[d.length]);
  }

  @Test
  void fiveAllPositive() {
    // Ranks 1..5 all positive: W+ = 15, W- = 0. Of the 32 sign assignments only "all +"
    // (W+ = 15) and "all -" (W+ = 0) are as extreme: p = 2/32 = 0.0625.
    // scipy.stats.wilcoxon([1, 2, 3, 4, 5]) -> statistic 0.0, pvalue 0.0625
    WilcoxonResult r = differences(1, 2, 3, 4, 5);
    assertThat(r.wPlus()).isEqualTo(15.0);
    assertThat(r.wMinus()).isEqualTo(0.0);
    assertThat(r.statistic()).isEqualTo(0.0);
    assertThat(r.n()).isEqualTo(5);
    assertThat(r.p()).isEqualTo(0.0625);
    assertThat(r.exact()).isTrue();
    assertThat(r.significant(0.05)).isFalse();
  }

  @Test
  void sixAllNegative() {
    // 2 of 64 assignments: p = 0.03125
    WilcoxonResult r = differences(-1, -2, -3, -4, -5, -6);
    assertThat(r.wMinus()).isEqualTo(21.0);
    assertThat(r.p()).isEqualTo(0.03125);
    assertThat(r.significant(0.05)).isTrue();
  }

  @Test
  void zerosAreDropped() {
    // scipy.stats.wilcoxon([0, 1, 2, 3, 4, 5]) with zero_method="wilcox" -> p = 0.0625
    WilcoxonResult r = differences(0, 1, 2, 3, 4, 5);
    assertThat(r.n()).isEqualTo(5);
    assertThat(r.p()).isEqualTo(0.0625);
  }

  @Test
  void smallCaseByHand() {
    // d = 1, -2, 3: ranks 1, 2, 3; W+ = 4, W- = 2; E = 3, |4 - 3| = 1.
    // W+ over the 8 sign assignments (subsets of {1,2,3}): 0,1,2,3,3,4,5,6.
    // |W+ - 3| >= 1 for 0,1,2,4,5,6: 6 of 8, p = 0.75.
    WilcoxonResult r = differences(1, -2, 3);
    assertThat(r.wPlus()).isEqualTo(4.0);
    assertThat(r.wMinus()).isEqualTo(2.0);
    assertThat(r.p()).isEqualTo(0.75);
  }

  @Test
  void tiesGetAverageRanksAndTheirOwnDistribution() {
    // d = 1, -1, 2: |d| = 1, 1, 2 -> ranks 1.5, 1.5, 3; W+ = 1.5 + 3 = 4.5, W- = 1.5; E = 3.
    // W+ over the 8 subsets of {1.5, 1.5, 3}: 0, 1.5, 1.5, 3, 3, 4.5, 4.5, 6.
    // |W+ - 3| >= 1.5 for 0, 1.5, 1.5, 4.5, 4.5, 6: p = 6/8 = 0.75.
    WilcoxonResult r = differences(1, -1, 2);
    assertThat(r.wPlus()).isEqualTo(4.5);
    assertThat(r.wMinus()).isEqualTo(1.5);
    assertThat(r.p()).isEqualTo(0.75);
    // d = 2, 2, 2, 2: all tied at rank 2.5, W+ = 10; only all-+ and all-- are as extreme.
    assertThat(differences(2, 2, 2, 2).p()).isEqualTo(2.0 / 16);
  }

  @Test
  void roundingNoiseDoesNotBreakTies() {
    // 0.9-0.8, 0.8-0.7 and 0.6-0.5 are 0.1 in exact arithmetic: one tie group, ranks 2,2,2.
    WilcoxonResult r = WilcoxonSignedRankTest.test(new double[] {0.9, 0.8, 0.6},
        new double[] {0.8, 0.7, 0.5});
    assertThat(r.wPlus()).isEqualTo(6.0);
    assertThat(r.p()).isEqualTo(0.25);
  }

  @Test
  void scipyDocumentationExample() {
    // Differences from the scipy.stats.wilcoxon documentation (Darwin's Zea mays data):
    // scipy.stats.wilcoxon(d) -> statistic 24.0, pvalue 0.041259765625 (= 1352 / 32768).
    // W- = rank(48) + rank(67) = 10 + 14 = 24.
    WilcoxonResult r = differences(6, 8, 14, 16, 23, 24, 28, 29, 41, -48, 49, 56, 60, -67, 75);
    assertThat(r.statistic()).isEqualTo(24.0);
    assertThat(r.p()).isCloseTo(0.041259765625, within(1e-15));
  }

  @Test
  void allZeroIsNoEvidence() {
    WilcoxonResult r = differences(0, 0, 0);
    assertThat(r.n()).isZero();
    assertThat(r.p()).isEqualTo(1.0);
  }

  @Test
  void largeSamplesUseTheNormalApproximation() {
    int n = WilcoxonSignedRankTest.EXACT_MAX_N + 50;
    double[] d = new double[n];
    for (int i = 0; i < n; i++) {
      d[i] = (i + 1) * (i % 3 == 0 ? -1 : 1) + 0.5;
    }
    WilcoxonResult approx = differences(d);
    assertThat(approx.exact()).isFalse();
    double exact = WilcoxonSignedRankTest.exactP(SignedRanks.of(PairedDifferences.of(d,
        new double[n])));
    assertThat(approx.p()).isCloseTo(exact, within(2e-3));
  }
}
