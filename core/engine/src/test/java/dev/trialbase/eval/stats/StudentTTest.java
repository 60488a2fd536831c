package dev.trialbase.eval.stats;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

/**
 * Student's t against closed forms (df = 1, 2, 4) and critical values. Critical values are
 * {@code scipy.stats.t.ppf(0.975, df)} with scipy 1.17.1: 2.7764451051977934 for df = 4,
 * 2.228138851986274 for df = 10.
 */
class StudentTTest {

  @Test
  void oneDegreeOfFreedomIsCauchy() {
    // F(t) = 1/2 + atan(t)/pi, so F(1) = 3/4 and P(|T| >= 1) = 1/2 exactly.
    assertThat(StudentT.twoSidedP(1, 1)).isCloseTo(0.5, within(1e-14));
    for (double t : new double[] {-7, -0.3, 0.2, 1.5, 40}) {
      assertThat(StudentT.cdf(t, 1)).isCloseTo(0.5 + Math.atan(t) / Math.PI, within(1e-13));
    }
  }

  @Test
  void twoDegreesOfFreedomClosedForm() {
    // F(t) = 1/2 + t / (2 sqrt(2 + t^2)); at t = 2: P(|T| >= 2) = 1 - 2/sqrt(6) = 0.183503419
    assertThat(StudentT.twoSidedP(2, 2)).isCloseTo(1 - 2 / Math.sqrt(6), within(1e-14));
    for (double t : new double[] {-3, -0.5, 0.1, 2.5, 100}) {
      assertThat(StudentT.cdf(t, 2)).isCloseTo(0.5 + t / (2 * Math.sqrt(2 + t * t)),
          within(1e-13));
    }
  }

  @Test
  void fourDegreesOfFreedomClosedForm() {
    for (double t : new double[] {-4, -1, 0.5, 1.8856, 3}) {
      assertThat(StudentT.cdf(t, 4)).isCloseTo(cdf4(t), within(1e-13));
    }
  }

  /** F(t) for df = 4: 1/2 + (3/8)·u·(1 - t²/(12(1 + t²/4))), u = t / sqrt(1 + t²/4). */
  static double cdf4(double t) {
    double s = 1 + t * t / 4;
    return 0.5 + 0.375 * (t / Math.sqrt(s)) * (1 - t * t / (12 * s));
  }

  @Test
  void criticalValuesGiveFivePercent() {
    assertThat(StudentT.twoSidedP(2.776, 4)).isCloseTo(0.05, within(1e-4));
    assertThat(StudentT.twoSidedP(2.228, 10)).isCloseTo(0.05, within(1e-4));
    assertThat(StudentT.twoSidedP(2.7764451051977934, 4)).isCloseTo(0.05, within(1e-12));
    assertThat(StudentT.twoSidedP(2.228138851986274, 10)).isCloseTo(0.05, within(1e-12));
    // 2 * scipy.stats.t.sf(2.776, 4) = 0.05002277831997642
    assertThat(StudentT.twoSidedP(2.776, 4)).isCloseTo(0.05002277831997642, within(1e-12));
  }

  @Test
  void symmetryAndLimits() {
    assertThat(StudentT.twoSidedP(0, 3)).isEqualTo(1.0);
    assertThat(StudentT.twoSidedP(Double.POSITIVE_INFINITY, 3)).isEqualTo(0.0);
    assertThat(StudentT.cdf(Double.NEGATIVE_INFINITY, 3)).isEqualTo(0.0);
    assertThat(StudentT.cdf(-1.3, 7) + StudentT.cdf(1.3, 7)).isCloseTo(1, within(1e-14));
    // Large df approaches the normal: P(|T| >= 1.96) -> 0.05
    assertThat(StudentT.twoSidedP(1.959963984540054, 1e7)).isCloseTo(0.05, within(1e-6));
  }

  @Test
  void rejectsBadArguments() {
    assertThatThrownBy(() -> StudentT.twoSidedP(1, 0)).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> StudentT.twoSidedP(Double.NaN, 3))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
