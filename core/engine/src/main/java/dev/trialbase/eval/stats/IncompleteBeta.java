package dev.trialbase.eval.stats;

/**
 * The regularized incomplete beta function {@code I_x(a, b)}, by the continued fraction of
 * Numerical Recipes ({@code betai}/{@code betacf}, evaluated with the modified Lentz method).
 * Student's t distribution is expressed through it.
 */
public final class IncompleteBeta {

  private static final int MAX_ITERATIONS = 1000;
  private static final double EPSILON = 1e-15;
  private static final double TINY = 1e-300;

  private IncompleteBeta() {
  }

  /**
   * {@code I_x(a, b)} for {@code a, b > 0} and {@code 0 <= x <= 1}.
   *
   * @throws IllegalArgumentException for arguments outside those ranges
   */
  public static double regularized(double x, double a, double b) {
    if (!(a > 0) || !(b > 0) || Double.isInfinite(a) || Double.isInfinite(b)) {
      throw new IllegalArgumentException("incomplete beta needs a, b > 0, got a=" + a + ", b=" + b);
    }
    if (!(x >= 0 && x <= 1)) {
      throw new IllegalArgumentException("incomplete beta needs 0 <= x <= 1, got " + x);
    }
    if (x == 0 || x == 1) {
      return x;
    }
    double logFront = LogGamma.of(a + b) - LogGamma.of(a) - LogGamma.of(b)
        + a * Math.log(x) + b * Math.log1p(-x);
    double front = Math.exp(logFront);
    // The continued fraction converges quickly for x < (a + 1) / (a + b + 2); otherwise use
    // the symmetry I_x(a, b) = 1 - I_{1-x}(b, a).
    if (x < (a + 1) / (a + b + 2)) {
      return front * continuedFraction(x, a, b) / a;
    }
    return 1 - front * continuedFraction(1 - x, b, a) / b;
  }

  /** Numerical Recipes' {@code betacf}: the continued fraction for I_x(a, b). */
  static double continuedFraction(double x, double a, double b) {
    double qab = a + b;
    double qap = a + 1;
    double qam = a - 1;
    double c = 1;
    double d = nonZero(1 - qab * x / qap);
    d = 1 / d;
    double h = d;
    for (int m = 1; m <= MAX_ITERATIONS; m++) {
      int m2 = 2 * m;
      double even = m * (b - m) * x / ((qam + m2) * (a + m2));
      d = 1 / nonZero(1 + even * d);
      c = nonZero(1 + even / c);
      h *= d * c;
      double odd = -(a + m) * (qab + m) * x / ((a + m2) * (qap + m2));
      d = 1 / nonZero(1 + odd * d);
      c = nonZero(1 + odd / c);
      double delta = d * c;
      h *= delta;
      if (Math.abs(delta - 1) < EPSILON) {
        return h;
      }
    }
    throw new ArithmeticException("incomplete beta did not converge for x=" + x + ", a=" + a
        + ", b=" + b);
  }

  private static double nonZero(double v) {
    return Math.abs(v) < TINY ? TINY : v;
  }
}
