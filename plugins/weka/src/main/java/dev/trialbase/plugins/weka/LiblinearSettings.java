package dev.trialbase.plugins.weka;

import dev.trialbase.api.InvalidParamsException;
import dev.trialbase.api.ParamSet;
import java.util.ArrayList;
import java.util.List;

/**
 * Validated settings for weka-logistic's LIBLINEAR path: scikit-learn's
 * {@code LogisticRegression(solver='liblinear')}, and {@code solver='saga'} with an L1 penalty.
 *
 * <p><b>Same problem as scikit-learn's liblinear.</b> LIBLINEAR minimises
 * {@code ||w||^2 / 2 + C * sum(logloss)} ({@code penalty: l2}, solver type L2R_LR) or
 * {@code ||w||_1 + C * sum(logloss)} ({@code penalty: l1}, L1R_LR), with {@code C} exactly as
 * scikit-learn passes it. As in scikit-learn, the intercept is an extra feature of constant
 * value 1 ({@code intercept_scaling=1}) whose weight is penalised like the others. Features
 * are taken as they are (not standardised, unlike Weka's {@code Logistic}), stopping tolerance
 * 1e-4 and at most 100 iterations ({@code maxIts}), scikit-learn's defaults. {@code saga} with
 * {@code l1} solves the same L1 problem except that scikit-learn's saga leaves the intercept
 * unpenalised, so its numbers are close to, not equal to, scikit-learn's saga.
 *
 * @param c the inverse regularisation strength
 * @param l1 L1 (true) or L2 penalty
 * @param maxIterations LIBLINEAR's iteration limit
 */
record LiblinearSettings(double c, boolean l1, int maxIterations) {

  static final int DEFAULT_MAX_ITERATIONS = 100;

  /** Whether {@code params} ask for LIBLINEAR: solver liblinear, or saga with penalty l1. */
  static boolean applies(ParamSet params) {
    String solver = params.has("solver") ? params.getString("solver") : null;
    String penalty = params.has("penalty") ? params.getString("penalty") : null;
    return "liblinear".equals(solver) || ("saga".equals(solver) && "l1".equals(penalty));
  }

  /**
   * The settings, or every reason they cannot be honoured; scikit-learn fails the same
   * combinations (no penalty and elasticnet with liblinear).
   */
  static LiblinearSettings from(ParamSet params) throws InvalidParamsException {
    LogisticSettings.checkKnown(params);
    try {
      return read(params);
    } catch (IllegalArgumentException e) {
      throw new InvalidParamsException(e.getMessage());
    }
  }

  private static LiblinearSettings read(ParamSet params) throws InvalidParamsException {
    List<String> problems = new ArrayList<>();
    String solver = params.getString("solver");
    String penalty = params.has("penalty") ? params.getString("penalty") : "l2";
    if (!"l1".equals(penalty) && !"l2".equals(penalty)) {
      problems.add("penalty '" + penalty + "' is not supported by the liblinear solver: "
          + "use penalty l1 or l2 (as scikit-learn's liblinear)");
    }
    if (params.has("ridge")) {
      problems.add("ridge is Weka's Logistic's setting; solver " + solver + " takes C");
    }
    if (params.has("useConjugateGradientDescent")) {
      problems.add("useConjugateGradientDescent is Weka's Logistic's setting; solver "
          + solver + " runs LIBLINEAR");
    }
    double c = params.has("C") ? params.getDouble("C") : 1.0;
    if (!(c > 0) || Double.isInfinite(c)) {
      problems.add("C must be a positive finite number, got " + c);
    }
    long maxIts = params.has("maxIts") ? params.getLong("maxIts") : -1;
    if (maxIts == 0 || maxIts < -1 || maxIts > Integer.MAX_VALUE) {
      problems.add("maxIts must be -1 (scikit-learn's default, 100) or from 1 to "
          + Integer.MAX_VALUE + ", got " + maxIts);
    }
    if (!problems.isEmpty()) {
      throw new InvalidParamsException(String.join(". ", problems));
    }
    return new LiblinearSettings(c, "l1".equals(penalty),
        maxIts == -1 ? DEFAULT_MAX_ITERATIONS : (int) maxIts);
  }
}
