package dev.trialbase.eval.stats;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

/**
 * Log gamma, incomplete beta and the normal distribution against closed forms and reference
 * values. "scipy" values were computed with scipy 1.17.1 ({@code scipy.special.gammaln},
 * {@code scipy.special.betainc}, {@code scipy.stats.norm.cdf}).
 */
class SpecialFunctionsTest {

  @Test
  void logGammaAtKnownPoints() {
    assertThat(LogGamma.of(1)).isCloseTo(0, within(1e-14));
    assertThat(LogGamma.of(2)).isCloseTo(0, within(1e-14));
    // Γ(1/2) = sqrt(pi); scipy.special.gammaln(0.5) = 0.5723649429247
    assertThat(LogGamma.of(0.5)).isCloseTo(0.5 * Math.log(Math.PI), within(1e-14));
    // Γ(10) = 9! = 362880
    assertThat(LogGamma.of(10)).isCloseTo(Math.log(362880), within(1e-13));
    // scipy.special.gammaln(100.5) = 361.43554046777757
    assertThat(LogGamma.of(100.5)).isCloseTo(361.43554046777757, within(1e-10));
    // Γ(0.1) = 9.513507698668732 (reflection branch)
    assertThat(LogGamma.of(0.1)).isCloseTo(Math.log(9.513507698668732), within(1e-13));
  }

  @Test
  void logGammaRejectsNonPositive() {
    assertThatThrownBy(() -> LogGamma.of(0)).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> LogGamma.of(Double.NaN)).isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void incompleteBetaClosedForms() {
    for (double x : new double[] {0.01, 0.2, 0.5, 0.77, 0.999}) {
      // I_x(1, 1) = x; I_x(a, 1) = x^a; I_x(1, b) = 1 - (1 - x)^b
      assertThat(IncompleteBeta.regularized(x, 1, 1)).isCloseTo(x, within(1e-14));
      assertThat(IncompleteBeta.regularized(x, 3.5, 1)).isCloseTo(Math.pow(x, 3.5), within(1e-13));
      assertThat(IncompleteBeta.regularized(x, 1, 4)).isCloseTo(1 - Math.pow(1 - x, 4),
          within(1e-13));
      // I_x(1/2, 1/2) = (2/pi) asin(sqrt(x))
      assertThat(IncompleteBeta.regularized(x, 0.5, 0.5))
          .isCloseTo(2 / Math.PI * Math.asin(Math.sqrt(x)), within(1e-13));
    }
    // symmetric case I_{1/2}(a, a) = 1/2
    assertThat(IncompleteBeta.regularized(0.5, 7.3, 7.3)).isCloseTo(0.5, within(1e-14));
  }

  @Test
  void incompleteBetaIntegerParametersByHand() {
    // For integers, I_x(a, b) = sum_{j=a}^{a+b-1} C(a+b-1, j) x^j (1-x)^(a+b-1-j).
    // I_0.4(2, 3) = C(4,2)·0.16·0.36 + C(4,3)·0.064·0.6 + C(4,4)·0.0256
    //             = 0.3456 + 0.1536 + 0.0256 = 0.5248   (scipy.special.betainc(2, 3, 0.4))
    assertThat(IncompleteBeta.regularized(0.4, 2, 3)).isCloseTo(0.5248, within(1e-14));
    // I_{1/4}(1/2, 1/2) = (2/pi)·(pi/6) = 1/3
    assertThat(IncompleteBeta.regularized(0.25, 0.5, 0.5)).isCloseTo(1.0 / 3, within(1e-14));
  }

  @Test
  void incompleteBetaAgainstScipy() {
    // scipy.special.betainc(10, 20, 0.3) = 0.3640040810719437
    assertThat(IncompleteBeta.regularized(0.3, 10, 20)).isCloseTo(0.3640040810719437,
        within(1e-13));
    // scipy.special.betainc(0.1, 50, 0.001) = 0.7749071836095219
    assertThat(IncompleteBeta.regularized(0.001, 0.1, 50)).isCloseTo(0.7749071836095219,
        within(1e-12));
  }

  @Test
  void incompleteBetaEndpointsAndErrors() {
    assertThat(IncompleteBeta.regularized(0, 2, 3)).isEqualTo(0);
    assertThat(IncompleteBeta.regularized(1, 2, 3)).isEqualTo(1);
    assertThatThrownBy(() -> IncompleteBeta.regularized(1.5, 2, 3))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> IncompleteBeta.regularized(0.5, 0, 3))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void normalAtKnownPoints() {
    assertThat(Normal.cdf(0)).isCloseTo(0.5, within(1e-7));
    // scipy.stats.norm.cdf(1.959963984540054) = 0.975
    assertThat(Normal.cdf(1.959963984540054)).isCloseTo(0.975, within(1e-7));
    assertThat(Normal.cdf(-1.959963984540054)).isCloseTo(0.025, within(1e-7));
    assertThat(Normal.twoSidedP(1.959963984540054)).isCloseTo(0.05, within(1e-7));
    // Φ(-3) = 0.0013498980316301 (scipy.stats.norm.cdf(-3))
    assertThat(Normal.cdf(-3)).isCloseTo(0.0013498980316301, within(1e-9));
  }
}
