package dev.trialbase.report;

/** Rounding for the page: six significant digits are plenty to plot and read, and keep it small. */
final class Numbers {

  /** Exact powers of ten, 10^0 to 10^22 (every one is a double exactly). */
  private static final double[] TENS = new double[23];

  static {
    TENS[0] = 1;
    for (int i = 1; i < TENS.length; i++) {
      TENS[i] = TENS[i - 1] * 10;
    }
  }

  private Numbers() {
  }

  /** {@code value} to six significant digits; null for null, NaN or infinity (JSON has none). */
  static Double round(Double value) {
    if (value == null || !Double.isFinite(value)) {
      return null;
    }
    if (value == 0) {
      return 0.0;
    }
    // Digits to keep after the decimal point: 5 minus the exponent. Dividing (or multiplying)
    // a whole number by an exact power of ten rounds once, so the result prints as the
    // six-digit decimal it stands for.
    int decimals = 5 - (int) Math.floor(Math.log10(Math.abs(value)));
    if (decimals > 0 && decimals < TENS.length) {
      return Math.rint(value * TENS[decimals]) / TENS[decimals];
    }
    if (decimals <= 0 && -decimals < TENS.length) {
      return Math.rint(value / TENS[-decimals]) * TENS[-decimals];
    }
    return value;
  }
}
