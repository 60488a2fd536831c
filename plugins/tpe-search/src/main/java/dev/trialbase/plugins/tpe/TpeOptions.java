package dev.trialbase.plugins.tpe;

import java.util.List;
import java.util.Map;

/**
 * The options of the {@code tpe} strategy ({@code strategy.options} in a spec), checked
 * before the run: an unknown option, a value of the wrong type or out of range is an
 * {@link IllegalArgumentException} naming the option.
 *
 * @param startupTrials random proposals until the history holds this many finished trials
 *     (Optuna's {@code n_startup_trials}, 10)
 * @param candidates draws from l(x) per proposal, of which the best l/g wins (Optuna's
 *     {@code n_ei_candidates}, 24)
 * @param gamma the fraction of the history that is "good": {@code min(ceil(gamma N), 25)}
 *     trials (Optuna's {@code default_gamma} is this with 0.1)
 * @param priorWeight the weight of the prior kernel beside each observation's weight of at
 *     most 1 (Optuna's {@code prior_weight}, 1.0)
 * @param multivariate one joint product-kernel estimator over all parameters instead of one
 *     per parameter (Optuna's {@code multivariate}, false)
 * @param lag how many of the latest trials a proposal does without: trial n sees the trials
 *     numbered below {@code n - lag}, so {@code lag + 1} trials can run at once
 */
record TpeOptions(int startupTrials, int candidates, double gamma, double priorWeight,
    boolean multivariate, int lag) {

  /** Good trials never exceed this many (Optuna's {@code default_gamma} cap). */
  static final int MAX_GOOD = 25;

  /**
   * The default lag: up to four trials in parallel ({@code --jobs 4} keeps every worker busy)
   * while each proposal lacks only the three latest results.
   */
  static final int DEFAULT_LAG = 3;

  static final List<String> NAMES = List.of("startupTrials", "candidates", "gamma",
      "priorWeight", "multivariate", "lag");

  static TpeOptions defaults() {
    return new TpeOptions(10, 24, 0.1, 1.0, false, DEFAULT_LAG);
  }

  /** The options in {@code settings}, with defaults for those absent. */
  static TpeOptions parse(Map<String, Object> settings) {
    for (String key : settings.keySet()) {
      if (!NAMES.contains(key)) {
        throw new IllegalArgumentException("unknown option '" + key + "'; tpe's options are "
            + String.join(", ", NAMES));
      }
    }
    TpeOptions d = defaults();
    int startup = whole(settings, "startupTrials", d.startupTrials());
    if (startup < 0) {
      throw new IllegalArgumentException("option 'startupTrials' must be 0 or more, got "
          + startup);
    }
    int candidates = whole(settings, "candidates", d.candidates());
    if (candidates < 1) {
      throw new IllegalArgumentException("option 'candidates' must be at least 1, got "
          + candidates);
    }
    double gamma = number(settings, "gamma", d.gamma());
    if (!(gamma > 0 && gamma < 1)) {
      throw new IllegalArgumentException("option 'gamma' must lie strictly between 0 and 1, got "
          + gamma);
    }
    double priorWeight = number(settings, "priorWeight", d.priorWeight());
    if (!(priorWeight > 0) || Double.isInfinite(priorWeight)) {
      throw new IllegalArgumentException("option 'priorWeight' must be a positive number, got "
          + priorWeight);
    }
    Object multivariate = settings.getOrDefault("multivariate", d.multivariate());
    if (!(multivariate instanceof Boolean)) {
      throw new IllegalArgumentException("option 'multivariate' must be true or false, got "
          + shown(multivariate));
    }
    int lag = whole(settings, "lag", d.lag());
    if (lag < 0) {
      throw new IllegalArgumentException("option 'lag' must be 0 or more, got " + lag);
    }
    return new TpeOptions(startup, candidates, gamma, priorWeight, (Boolean) multivariate, lag);
  }

  /** How many of {@code n} finished trials are good. */
  int goodCount(int n) {
    return (int) Math.min(MAX_GOOD, Math.ceil(gamma * n));
  }

  private static int whole(Map<String, Object> settings, String key, int fallback) {
    Object v = settings.get(key);
    if (v == null && !settings.containsKey(key)) {
      return fallback;
    }
    if (v instanceof Number n && n.doubleValue() == Math.rint(n.doubleValue())
        && Math.abs(n.doubleValue()) <= Integer.MAX_VALUE) {
      return n.intValue();
    }
    throw new IllegalArgumentException("option '" + key + "' must be a whole number, got "
        + shown(v));
  }

  private static double number(Map<String, Object> settings, String key, double fallback) {
    Object v = settings.get(key);
    if (v == null && !settings.containsKey(key)) {
      return fallback;
    }
    if (v instanceof Number n) {
      return n.doubleValue();
    }
    throw new IllegalArgumentException("option '" + key + "' must be a number, got "
        + shown(v));
  }

  private static String shown(Object v) {
    return v instanceof String s ? "text \"" + s + "\"" : String.valueOf(v);
  }
}
