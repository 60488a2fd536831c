package dev.trialbase.plugins.tpe;

import dev.trialbase.api.Proposer;
import dev.trialbase.api.SearchSpace;
import dev.trialbase.api.SearchStrategy;
import dev.trialbase.api.StrategyOptions;
import org.pf4j.Extension;

/**
 * The Tree-structured Parzen Estimator of Bergstra, Bardenet, Bengio and Kégl, "Algorithms
 * for Hyper-Parameter Optimization" (NIPS 2011), with the defaults of Optuna's
 * {@code TPESampler}: 10 random start-up trials, 24 candidates, the best
 * {@code min(ceil(0.1 N), 25)} trials as "good", a prior kernel of weight 1, older trials
 * weighing less beyond 25, independent per-parameter estimators unless {@code multivariate}.
 *
 * <p><b>Failed, timed-out and pruned trials count as bad</b>: they join g(x), never l(x), so
 * the search moves away from parameters that fail or are stopped early. (Optuna leaves
 * failed trials out; here a failure is usually a combination the estimator refuses, which is
 * worth avoiding.)
 *
 * <p><b>Parallel trials stay deterministic</b>: trial n sees exactly the trials below
 * {@code n - lag} (default {@value dev.trialbase.api.OptionReader#DEFAULT_LAG}), whatever {@code --jobs} is; see
 * {@link TpeOptions}. Stateless and thread-safe.
 */
@Extension
public class TpeSearch implements SearchStrategy {

  @Override
  public String name() {
    return "tpe";
  }

  @Override
  public String description() {
    return "Tree-structured Parzen Estimator (Bergstra et al. 2011, Optuna's defaults); "
        + "deterministic with parallel trials through its lag";
  }

  /**
   * @throws IllegalArgumentException for an unknown option, a value of the wrong type or out
   *     of range, naming the option
   */
  @Override
  public Proposer start(SearchSpace space, StrategyOptions options) {
    return new TpeProposer(space, TpeOptions.parse(options.settings()));
  }
}
