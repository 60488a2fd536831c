package dev.trialbase.data;

/**
 * The numbers a data file may write: decimal notation with an optional sign, fraction and
 * exponent ({@code 12}, {@code -0.5}, {@code .5}, {@code 3.}, {@code 1e-3}, {@code 2.5E+10}),
 * and finite. Java's wider syntax ({@code 0x1p3}, {@code 2.5d}, {@code Infinity}, {@code NaN},
 * surrounding blanks) is not accepted, so such cells count as text and make a column nominal.
 */
public final class DecimalNumbers {

  private DecimalNumbers() {
  }

  /** Whether {@code text} is a finite number in decimal or scientific notation. */
  public static boolean isNumber(String text) {
    if (!hasSyntax(text)) {
      return false;
    }
    // Fewer than 300 characters without an exponent cannot overflow: skip the parse.
    boolean small = text.length() < 300 && text.indexOf('e') < 0 && text.indexOf('E') < 0;
    return small || Double.isFinite(Double.parseDouble(text));
  }

  /** The value of {@code text}, or NaN when it is not a number by {@link #isNumber}. */
  public static double parse(String text) {
    if (!hasSyntax(text)) {
      return Double.NaN;
    }
    double value = Double.parseDouble(text);
    return Double.isFinite(value) ? value : Double.NaN;
  }

  /** [+-]? (digits [. digits?] | . digits) ([eE] [+-]? digits)? */
  private static boolean hasSyntax(String s) {
    int n = s.length();
    int i = 0;
    if (i < n && (s.charAt(i) == '+' || s.charAt(i) == '-')) {
      i++;
    }
    int intDigits = 0;
    while (i < n && isDigit(s.charAt(i))) {
      i++;
      intDigits++;
    }
    int fractionDigits = 0;
    if (i < n && s.charAt(i) == '.') {
      i++;
      while (i < n && isDigit(s.charAt(i))) {
        i++;
        fractionDigits++;
      }
    }
    if (intDigits + fractionDigits == 0) {
      return false;
    }
    if (i < n && (s.charAt(i) == 'e' || s.charAt(i) == 'E')) {
      i++;
      if (i < n && (s.charAt(i) == '+' || s.charAt(i) == '-')) {
        i++;
      }
      int exponentDigits = 0;
      while (i < n && isDigit(s.charAt(i))) {
        i++;
        exponentDigits++;
      }
      if (exponentDigits == 0) {
        return false;
      }
    }
    return i == n;
  }

  private static boolean isDigit(char c) {
    return c >= '0' && c <= '9';
  }
}
