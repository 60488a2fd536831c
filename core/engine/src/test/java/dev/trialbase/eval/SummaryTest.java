package dev.trialbase.eval;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class SummaryTest {

  @Test
  void meanAndSampleStandardDeviation() {
    // mean = (0.8 + 0.6 + 0.7 + 0.9) / 4 = 3.0 / 4 = 0.75
    // deviations 0.05, -0.15, -0.05, 0.15; squares 0.0025 + 0.0225 + 0.0025 + 0.0225 = 0.05
    // sample variance = 0.05 / (4 - 1) = 0.01666...; std = sqrt(0.05 / 3) = 0.12909944487358
    Summary s = Summary.of(new double[] {0.8, 0.6, 0.7, 0.9});
    assertThat(s.mean()).isCloseTo(0.75, within(1e-12));
    assertThat(s.std()).isCloseTo(0.12909944487358, within(1e-12));
  }

  @Test
  void usesNMinusOneNotN() {
    // {1, 3}: mean 2, squares 1 + 1 = 2; sample std sqrt(2/1) = 1.41421356; population would be 1.
    Summary s = Summary.of(new double[] {1, 3});
    assertThat(s.mean()).isEqualTo(2.0);
    assertThat(s.std()).isCloseTo(Math.sqrt(2), within(1e-12));
  }

  @Test
  void singleValueHasZeroStd() {
    Summary s = Summary.of(new double[] {0.42});
    assertThat(s.mean()).isEqualTo(0.42);
    assertThat(s.std()).isEqualTo(0.0);
  }

  @Test
  void emptyIsNaN() {
    Summary s = Summary.of(new double[0]);
    assertThat(s.mean()).isNaN();
    assertThat(s.std()).isNaN();
  }

  @Test
  void nanPropagates() {
    Summary s = Summary.of(new double[] {0.5, Double.NaN, 0.7});
    assertThat(s.mean()).isNaN();
    assertThat(s.std()).isNaN();
  }
}
