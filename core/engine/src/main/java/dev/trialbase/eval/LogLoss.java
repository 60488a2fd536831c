package dev.trialbase.eval;

/**
 * Mean negative log-likelihood of the true classes. Probabilities are clipped to
 * {@code [EPS, 1 - EPS]} with {@code EPS = 1e-15} first, so a certain wrong prediction costs
 * about 34.5 rather than infinity. That is scikit-learn's clip before 1.2; scikit-learn 1.2
 * clips at the float64 machine epsilon (2.2e-16) by default, which differs only for
 * probabilities below 1e-15. Trialbase keeps 1e-15 so that stored binary scores reproduce.
 */
final class LogLoss {

  /** The clip bound. */
  static final double EPS = 1e-15;

  private LogLoss() {
  }

  /** Two classes: labels {@code y} (1 positive) and the positive class's probabilities. */
  static double binary(int[] y, double[] p) {
    double sum = 0;
    for (int i = 0; i < y.length; i++) {
      double q = Math.min(Math.max(p[i], EPS), 1 - EPS);
      sum += y[i] == 1 ? Math.log(q) : Math.log(1 - q);
    }
    return -sum / y.length;
  }

  /**
   * Any number of classes, over the whole probability matrix as scikit-learn 1.2 computes it:
   * every probability is clipped, then each row is divided by its (clipped) sum before the
   * true class's probability is read.
   */
  static double multiClass(Predictions.Classes predictions) {
    int[] y = predictions.y();
    double[][] p = predictions.p();
    double sum = 0;
    for (int i = 0; i < y.length; i++) {
      double rowSum = 0;
      for (double v : p[i]) {
        rowSum += clip(v);
      }
      sum += Math.log(clip(p[i][y[i]]) / rowSum);
    }
    return -sum / y.length;
  }

  private static double clip(double v) {
    return Math.min(Math.max(v, EPS), 1 - EPS);
  }
}
