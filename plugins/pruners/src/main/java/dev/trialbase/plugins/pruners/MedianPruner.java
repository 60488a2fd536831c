package dev.trialbase.plugins.pruners;

import dev.trialbase.api.OptionReader;
import dev.trialbase.api.Pruner;
import dev.trialbase.api.PrunerOptions;
import dev.trialbase.api.PruningRule;
import java.util.List;
import org.pf4j.Extension;

/**
 * The median rule (Optuna's {@code MedianPruner}, Golovin et al. 2017's median stopping rule)
 * over cross-validation folds: after fold k, stop the trial when its running mean objective
 * over folds 1..k is worse than the median of the running means at fold k of the earlier
 * complete trials. Options: {@code startupTrials} (5: no pruning until that many complete
 * trials are visible), {@code warmupFolds} (0, as Optuna's {@code n_warmup_steps}: no decision
 * before a trial has done more than that many folds, so by default the first comes after
 * fold 1), {@code lag} (3: decisions use the trials
 * below {@code n - lag}). Stateless and thread-safe.
 */
@Extension
public class MedianPruner implements Pruner {

  static final List<String> OPTIONS = List.of("startupTrials", "warmupFolds", "lag");

  @Override
  public String name() {
    return "median";
  }

  @Override
  public String description() {
    return "Stops a trial whose running mean over its folds is worse than the median of "
        + "earlier complete trials at the same fold";
  }

  @Override
  public PruningRule start(PrunerOptions options) {
    OptionReader s = new OptionReader("median", options.settings(), OPTIONS);
    return new MedianRule(s.whole("startupTrials", 5, 0), s.whole("warmupFolds", 0, 0),
        s.whole("lag", OptionReader.DEFAULT_LAG, 0), options.folds(), options.maximize());
  }
}
