package dev.trialbase.plugins.tpe;

import dev.trialbase.api.OptionReader;
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

  static final List<String> NAMES = List.of("startupTrials", "candidates", "gamma",
      "priorWeight", "multivariate", "lag");

  static TpeOptions defaults() {
    return new TpeOptions(10, 24, 0.1, 1.0, false, OptionReader.DEFAULT_LAG);
  }

  /** The options in {@code settings}, with defaults for those absent. */
  static TpeOptions parse(Map<String, Object> settings) {
    OptionReader read = new OptionReader("tpe", settings, NAMES);
    TpeOptions d = defaults();
    double gamma = read.number("gamma", d.gamma());
    if (!(gamma > 0 && gamma < 1)) {
      throw new IllegalArgumentException("option 'gamma' must lie strictly between 0 and 1, got "
          + gamma);
    }
    double priorWeight = read.number("priorWeight", d.priorWeight());
    if (!(priorWeight > 0)) {
      throw new IllegalArgumentException("option 'priorWeight' must be a positive number, got "
          + priorWeight);
    }
    return new TpeOptions(read.whole("startupTrials", d.startupTrials(), 0),
        read.whole("candidates", d.candidates(), 1), gamma, priorWeight,
        read.flag("multivariate", d.multivariate()), read.whole("lag", d.lag(), 0));
  }

  /** How many of {@code n} finished trials are good. */
  int goodCount(int n) {
    return (int) Math.min(MAX_GOOD, Math.ceil(gamma * n));
  }
}
