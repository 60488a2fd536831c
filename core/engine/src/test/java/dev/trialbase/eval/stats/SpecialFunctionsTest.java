package dev.trialbase.eval.stats;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

/**
 * The normal distribution (from Apache Commons Statistics) against reference values computed
 * with scipy 1.17.1 ({@code scipy.stats.norm.cdf}). The t distribution is checked against
 * closed forms in {@link StudentTTest}.
 */
class SpecialFunctionsTest {

  @Test
  void normalAtKnownPoints() {
    // Tolerances near double precision: the former hand-written erfc approximation (error up to
    // 1.2e-7) fails them.
    assertThat(Normal.cdf(0)).isCloseTo(0.5, within(1e-16));
    // scipy.stats.norm.cdf(1.959963984540054) = 0.975
    assertThat(Normal.cdf(1.959963984540054)).isCloseTo(0.975, within(1e-15));
    assertThat(Normal.cdf(-1.959963984540054)).isCloseTo(0.025, within(1e-15));
    assertThat(Normal.twoSidedP(1.959963984540054)).isCloseTo(0.05, within(1e-15));
    // Φ(-3) = 0.0013498980316301 (scipy.stats.norm.cdf(-3))
    assertThat(Normal.cdf(-3)).isCloseTo(0.0013498980316301, within(1e-16));
    // 2 * scipy.stats.norm.sf(2.5) = 0.012419330651552265 (scipy 1.10.1, Debian)
    assertThat(Normal.twoSidedP(-2.5)).isCloseTo(0.012419330651552265, within(1e-15));
    assertThat(Normal.twoSidedP(0)).isEqualTo(1.0);
    assertThatThrownBy(() -> Normal.cdf(Double.NaN)).isInstanceOf(IllegalArgumentException.class);
  }
}
