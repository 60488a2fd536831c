package dev.trialbase.plugins.weka;

import dev.trialbase.api.InvalidParamsException;
import dev.trialbase.api.ParamInfo;
import dev.trialbase.api.ParamSet;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Validated settings for Weka's {@code Logistic}, translated from either vocabulary.
 *
 * <p><b>C to ridge.</b> Weka minimises {@code -loglik + ridge * ||w||^2} (the log-likelihood
 * summed over rows, intercept not penalised); scikit-learn minimises
 * {@code 0.5 * ||w||^2 + C * sum(logloss)}. Dividing the latter by {@code C} gives the same
 * objective with {@code ridge = 1 / (2C)}. Weka, however, standardises every attribute
 * (mean 0, sample standard deviation 1) before optimising and penalises the coefficients of
 * the standardised attributes, so the match is with scikit-learn's
 * {@code LogisticRegression(C)} fitted after standard scaling (with {@code ddof=1}), not on
 * raw features: the regularisation does not depend on the units of the features. For more
 * than two classes Weka fits k-1 coefficient vectors against the last class, scikit-learn's
 * multinomial fit k, so the penalties then differ; for two classes they agree.
 *
 * <p>{@code penalty: none} ({@code null} or {@code "None"} too) sets ridge to 0, which Weka
 * accepts and converges with even on separable data; {@code C} is then ignored, as
 * scikit-learn ignores it with a warning. Without {@code C}, ridge keeps Weka's default 1e-8
 * (scikit-learn's default would be {@code C = 1}, ridge 0.5).
 *
 * @param ridge Weka's ridge, at least 0
 * @param maxIts the optimiser's iteration limit, -1 for "until convergence"
 * @param conjugateGradient conjugate gradient descent instead of BFGS
 */
record LogisticSettings(double ridge, int maxIts, boolean conjugateGradient) {

  static final double DEFAULT_RIDGE = 1e-8;

  static final List<ParamInfo> PARAMETERS = List.of(
      new ParamInfo("ridge", "float", "1e-8",
          "Weka's ridge: adds ridge * ||w||^2 (standardised features) to the negative "
              + "log-likelihood"),
      new ParamInfo("maxIts", "int", "-1", "optimiser iteration limit; -1 runs to convergence"),
      new ParamInfo("useConjugateGradientDescent", "bool", "false",
          "conjugate gradient descent instead of BFGS"),
      new ParamInfo("C", "float", "unset (ridge applies)",
          "scikit-learn's inverse regularisation strength; sets ridge = 1/(2C)"),
      new ParamInfo("penalty", "string", "l2", "l2, or none (null) for no regularisation"),
      new ParamInfo("solver", "string", "lbfgs",
          "lbfgs, newton-cg, sag, saga (Weka's BFGS), cg (conjugate gradient); liblinear, "
              + "and saga with l1, run LIBLINEAR"));

  private static final List<String> KNOWN =
      PARAMETERS.stream().map(ParamInfo::name).toList();
  /**
   * Solvers of scikit-learn's smooth L2 (or unpenalised) problem: they all reach the same
   * optimum, which Weka's BFGS finds. (liblinear, and saga with l1, go to LIBLINEAR instead:
   * {@link LiblinearSettings}.)
   */
  private static final Set<String> QUASI_NEWTON = Set.of("lbfgs", "newton-cg", "sag", "saga");
  private static final Set<String> UNSUPPORTED_SOLVERS = Set.of("liblinear");

  /**
   * Reads and checks {@code params} up front, so a bad combination fails the trial before any
   * fitting.
   *
   * @throws InvalidParamsException naming every parameter that cannot be honoured
   */
  static LogisticSettings from(ParamSet params) throws InvalidParamsException {
    checkKnown(params);
    try {
      return read(params);
    } catch (IllegalArgumentException e) {
      throw new InvalidParamsException(e.getMessage());
    }
  }

  /** Refuses a parameter weka-logistic does not have, listing the ones it has. */
  static void checkKnown(ParamSet params) throws InvalidParamsException {
    List<String> unknown = params.names().stream().filter(n -> !KNOWN.contains(n)).toList();
    if (!unknown.isEmpty()) {
      throw new InvalidParamsException("unknown parameter" + (unknown.size() > 1 ? "s " : " ")
          + quoted(unknown) + " for weka-logistic; known parameters: " + String.join(", ", KNOWN));
    }
  }

  private static LogisticSettings read(ParamSet params) throws InvalidParamsException {
    List<String> problems = new ArrayList<>();
    String penalty = params.has("penalty") ? params.getString("penalty") : "l2";
    boolean regularised = checkPenalty(penalty, problems);
    boolean cg = checkSolver(params, problems);
    if (params.has("C") && params.has("ridge")) {
      problems.add("give C or ridge, not both (ridge = 1/(2C))");
    }
    if (!regularised && params.has("ridge")) {
      problems.add("penalty 'none' means no regularisation: drop ridge or use penalty l2");
    }
    double ridge = ridge(params, regularised, problems);
    long maxIts = params.has("maxIts") ? params.getLong("maxIts") : -1;
    if (maxIts == 0 || maxIts < -1 || maxIts > Integer.MAX_VALUE) {
      problems.add("maxIts must be -1 (until convergence) or from 1 to " + Integer.MAX_VALUE
          + ", got " + maxIts);
    }
    if (!problems.isEmpty()) {
      throw new InvalidParamsException(String.join(". ", problems));
    }
    return new LogisticSettings(ridge, (int) maxIts, cg);
  }

  /** Whether the penalty regularises at all; records a problem when it is not supported. */
  private static boolean checkPenalty(String penalty, List<String> problems) {
    // "None" too: Python's None copied into a YAML list arrives as a string.
    if (penalty == null || penalty.equals("none") || penalty.equals("None")) {
      return false;
    }
    if (penalty.equals("l1") || penalty.equals("elasticnet")) {
      problems.add("penalty '" + penalty + "' is not supported: Weka's Logistic is "
          + "L2-regularised only; use penalty l2 or none");
    } else if (!penalty.equals("l2")) {
      problems.add("penalty '" + penalty + "' is not known; use penalty l2 or none");
    }
    return true;
  }

  private static boolean checkSolver(ParamSet params, List<String> problems) {
    boolean cgFlag = params.has("useConjugateGradientDescent")
        && params.getBoolean("useConjugateGradientDescent");
    if (!params.has("solver") || params.get("solver") == null) {
      return cgFlag;
    }
    String solver = params.getString("solver");
    boolean cg = solver.equals("cg");
    if (!cg && !QUASI_NEWTON.contains(solver)) {
      problems.add("solver '" + solver + "' is "
          + (UNSUPPORTED_SOLVERS.contains(solver) ? "not supported" : "not known")
          + ": Weka's Logistic offers lbfgs, newton-cg, sag or saga (all run its BFGS "
          + "quasi-Newton optimiser) and cg (conjugate gradient descent)");
    } else if (params.has("useConjugateGradientDescent") && cg != cgFlag) {
      problems.add("solver '" + solver + "' contradicts useConjugateGradientDescent=" + cgFlag);
    }
    return cg;
  }

  private static double ridge(ParamSet params, boolean regularised, List<String> problems) {
    if (!regularised) {
      return 0.0;
    }
    if (params.has("C")) {
      double c = params.getDouble("C");
      if (!(c > 0) || Double.isInfinite(c)) {
        problems.add("C must be a positive finite number, got " + c);
        return DEFAULT_RIDGE;
      }
      return 1.0 / (2.0 * c);
    }
    double ridge = params.has("ridge") ? params.getDouble("ridge") : DEFAULT_RIDGE;
    if (!(ridge >= 0) || Double.isInfinite(ridge)) {
      problems.add("ridge must be a finite number >= 0, got " + ridge);
    }
    return ridge;
  }

  private static String quoted(List<String> names) {
    return names.stream().map(n -> "'" + n + "'").reduce((a, b) -> a + ", " + b).orElse("");
  }
}
