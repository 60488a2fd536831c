package dev.trialbase.eval.stats;

/**
 * The corrected resampled t-test of Nadeau and Bengio (2003), as popularised by Bouckaert and
 * Frank (2004), for paired cross-validation scores. The folds' training sets overlap, so
 * fold differences are correlated and the plain paired t-test (variance factor {@code 1/k})
 * finds differences far too often; the correction inflates the variance factor to
 * {@code 1/k + n_test/n_train}:
 *
 * <pre>t = mean(d) / sqrt((1/k + n_test/n_train) * var(d)),   df = k - 1</pre>
 *
 * <p>with {@code var} the sample variance (divisor k - 1). For one repetition of k-fold
 * cross-validation {@code n_test/n_train = 1/(k-1)}.
 */
public final class CorrectedResampledTTest {

  private CorrectedResampledTTest() {
  }

  /**
   * Tests the fold scores {@code a} against {@code b} from one k-fold cross-validation with
   * the same folds, {@code k = a.length}, so {@code n_test/n_train = 1/(k-1)}.
   *
   * @throws IllegalArgumentException when fewer than 2 folds, lengths differ, or a score is
   *     not finite
   */
  public static TTestResult kFold(double[] a, double[] b) {
    if (a.length < 2) {
      throw new IllegalArgumentException("the t-test needs at least 2 folds, got " + a.length);
    }
    return test(a, b, 1.0 / (a.length - 1));
  }

  /**
   * Tests paired scores {@code a} against {@code b} from k resamples whose validation sets
   * are {@code testTrainRatio = n_test/n_train} times the size of their training sets.
   */
  public static TTestResult test(double[] a, double[] b, double testTrainRatio) {
    if (!(testTrainRatio >= 0) || Double.isInfinite(testTrainRatio)) {
      throw new IllegalArgumentException("n_test/n_train must be a non-negative number, got "
          + testTrainRatio);
    }
    PairedDifferences d = PairedDifferences.of(a, b);
    int k = d.size();
    if (k < 2) {
      throw new IllegalArgumentException("the t-test needs at least 2 paired scores, got " + k);
    }
    double mean = d.mean();
    double variance = d.sampleVariance();
    int df = k - 1;
    if (variance == 0) {
      // Every difference is the same: none at all (no evidence), or a constant shift (as
      // strong as evidence gets).
      return mean == 0
          ? new TTestResult(0, 0, df, 1)
          : new TTestResult(mean, Math.copySign(Double.POSITIVE_INFINITY, mean), df, 0);
    }
    double t = mean / Math.sqrt((1.0 / k + testTrainRatio) * variance);
    return new TTestResult(mean, t, df, StudentT.twoSidedP(t, df));
  }
}
