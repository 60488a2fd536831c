package dev.trialbase.report;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class NumbersTest {

  @Test
  void keepsSixSignificantDigitsAndPrintsShort() {
    assertThat(Numbers.round(0.857712462975621)).hasToString("0.857712");
    assertThat(Numbers.round(0.42123697593219134)).hasToString("0.421237");
    assertThat(Numbers.round(1234567.89)).isEqualTo(1234570.0);
    assertThat(Numbers.round(-0.000123456789)).hasToString("-1.23457E-4");
    assertThat(Numbers.round(5.0)).isEqualTo(5.0);
    assertThat(Numbers.round(0.0)).isEqualTo(0.0);
  }

  @Test
  void nullNanAndInfinityBecomeNull() {
    assertThat(Numbers.round(null)).isNull();
    assertThat(Numbers.round(Double.NaN)).isNull();
    assertThat(Numbers.round(Double.POSITIVE_INFINITY)).isNull();
  }
}
