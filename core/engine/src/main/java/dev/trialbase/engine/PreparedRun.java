package dev.trialbase.engine;

import dev.trialbase.api.Dataset;
import dev.trialbase.api.Estimator;
import dev.trialbase.api.Proposer;
import dev.trialbase.api.Pruner;
import dev.trialbase.api.PruningRule;
import dev.trialbase.api.SearchStrategy;
import dev.trialbase.eval.Metric;
import dev.trialbase.spec.LoadedSpec;

/**
 * A spec checked against its plugins and data, with the data read and the folds made: all a
 * run needs before its first trial. Made by {@link RunEngine#prepare}; holds no database.
 *
 * @param spec the spec with its seed, metrics and objective filled in
 * @param test the test set, or {@code null} when the spec has none
 * @param warnings what the user should know but that does not stop the run (test values
 *     unseen in training, read as missing), one line each
 * @param pruner the pruner plugin, or {@code null} when the spec has none
 * @param pruning its rule for this run, or {@code null}
 */
public record PreparedRun(LoadedSpec spec, SearchStrategy strategy, Estimator estimator,
    Proposer proposer, long plannedTrials, RunMetrics metrics, Dataset train, Dataset test,
    TrialEvaluator evaluator, java.util.List<String> warnings, Pruner pruner,
    PruningRule pruning) {

  /** The metric that ranks trials. */
  public Metric objective() {
    return metrics.objective();
  }

  /** The positive class's label for a two-class run, else {@code null}. */
  public String positiveClass() {
    return metrics.positiveClass() < 0 ? null
        : train.classLabels().get(metrics.positiveClass());
  }
}
