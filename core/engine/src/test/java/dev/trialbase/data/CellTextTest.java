package dev.trialbase.data;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** What a cell's text means: a number, a missing marker, or text. */
class CellTextTest {

  @ParameterizedTest
  @ValueSource(strings = {"0", "-0", "+7", "12", "1.5", "-.5", ".5", "3.", "1e3", "1E-3",
      "2.5e+10", "007", "1.7976931348623157E308"})
  void decimalAndScientificNotationAreNumbers(String text) {
    assertThat(DecimalNumbers.isNumber(text)).isTrue();
    assertThat(DecimalNumbers.parse(text)).isEqualTo(Double.parseDouble(text));
  }

  @ParameterizedTest
  @ValueSource(strings = {"", ".", "-", "+", "e3", "1e", "1e+", "0x1p3", "0x10", "2.5d", "2f",
      "Infinity", "-Infinity", "inf", "NaN", "1,5", " 1", "1 ", "1..2", "1e3.5", "1e400", "١"})
  void otherTextIsNotANumber(String text) {
    assertThat(DecimalNumbers.isNumber(text)).isFalse();
    assertThat(DecimalNumbers.parse(text)).isNaN();
  }

  @ParameterizedTest
  @ValueSource(strings = {"", "?", "-", "NA", "na", "N/A", "n/a", "#N/A", "#N/A N/A", "#NA",
      "<NA>", "NaN", "nan", "-nan", "NULL", "null", "None"})
  void markersAreMissing(String text) {
    assertThat(MissingMarkers.isMissing(text)).isTrue();
  }

  @ParameterizedTest
  @ValueSource(strings = {"0", "N", "NAN0", "nil", "inf", "--", "??", "missing", "n.a.", "none",
      "NONE"})
  void otherTextIsNotMissing(String text) {
    assertThat(MissingMarkers.isMissing(text)).isFalse();
  }
}
