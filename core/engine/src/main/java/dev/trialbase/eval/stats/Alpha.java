package dev.trialbase.eval.stats;

/** Validation of a significance level, shared by the test results. */
final class Alpha {

  private Alpha() {
  }

  static double checked(double alpha) {
    if (!(alpha > 0 && alpha < 1)) {
      throw new IllegalArgumentException("significance level must be between 0 and 1, got "
          + alpha);
    }
    return alpha;
  }
}
