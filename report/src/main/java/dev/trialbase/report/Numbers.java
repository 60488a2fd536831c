package dev.trialbase.report;

import java.math.BigDecimal;
import java.math.MathContext;

/** Rounding for the page: six significant digits are plenty to plot and read, and keep it small. */
final class Numbers {

  private static final MathContext SIX = new MathContext(6);

  private Numbers() {
  }

  /** {@code value} to six significant digits; null for null, NaN or infinity (JSON has none). */
  static Double round(Double value) {
    if (value == null || !Double.isFinite(value)) {
      return null;
    }
    return value == 0 ? 0.0 : new BigDecimal(value).round(SIX).doubleValue();
  }
}
