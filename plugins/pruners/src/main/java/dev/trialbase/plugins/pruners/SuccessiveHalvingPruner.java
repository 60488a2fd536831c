package dev.trialbase.plugins.pruners;

import dev.trialbase.api.OptionReader;
import dev.trialbase.api.Pruner;
import dev.trialbase.api.PrunerOptions;
import dev.trialbase.api.PruningRule;
import java.util.List;
import org.pf4j.Extension;

/**
 * Asynchronous successive halving (Li et al., "A System for Massively Parallel Hyperparameter
 * Tuning", MLSys 2020), as Optuna's {@code SuccessiveHalvingPruner} documents it, with folds as
 * the resource: rung {@code i} sits at {@code minResource * reductionFactor^(minEarlyStoppingRate
 * + i)} folds; a trial reaching a rung goes on only if its running mean there is among the top
 * {@code 1/reductionFactor} of the running means of every visible trial that reached that rung
 * (itself included; while fewer than {@code reductionFactor} compete, only the best goes on).
 * Options: {@code minResource} (1), {@code reductionFactor} (4), {@code minEarlyStoppingRate}
 * (0), {@code lag} (3). Stateless and thread-safe.
 */
@Extension
public class SuccessiveHalvingPruner implements Pruner {

  static final List<String> OPTIONS = List.of("minResource", "reductionFactor",
      "minEarlyStoppingRate", "lag");

  @Override
  public String name() {
    return "successive-halving";
  }

  @Override
  public String description() {
    return "Asynchronous successive halving over folds: at each rung only the top "
        + "1/reductionFactor of the trials there go on";
  }

  @Override
  public PruningRule start(PrunerOptions options) {
    OptionReader s = new OptionReader("successive-halving", options.settings(), OPTIONS);
    return new HalvingRule(s.whole("minResource", 1, 1), s.whole("reductionFactor", 4, 2),
        s.whole("minEarlyStoppingRate", 0, 0), s.whole("lag", OptionReader.DEFAULT_LAG, 0),
        options.folds(), options.maximize());
  }
}
