package dev.trialbase.engine;

import dev.trialbase.api.Dataset;
import dev.trialbase.api.Estimator;
import dev.trialbase.api.ObjectiveFunction;
import dev.trialbase.api.Proposer;
import dev.trialbase.api.Pruner;
import dev.trialbase.api.PruningRule;
import dev.trialbase.api.SearchStrategy;
import dev.trialbase.eval.Metric;
import dev.trialbase.spec.LoadedSpec;

/**
 * A spec checked against its plugins and data, with the data read and the folds made: all a
 * run needs before its first trial. Made by {@link RunEngine#prepare}; holds no database.
 * A function run (the spec names an objective function) has no estimator, metrics or data:
 * those are {@code null}, and {@code function} is set.
 *
 * @param spec the spec with its seed, metrics and objective filled in
 * @param evaluator what turns a parameter set into a trial: cross-validation of the estimator,
 *     or the objective function
 * @param test the test set, or {@code null} when the spec has none
 * @param warnings what the user should know but that does not stop the run (test values
 *     unseen in training, read as missing), one line each
 * @param pruner the pruner plugin, or {@code null} when the spec has none
 * @param pruning its rule for this run, or {@code null}
 * @param function the objective function of a function run, else {@code null}
 */
public record PreparedRun(LoadedSpec spec, SearchStrategy strategy, Estimator estimator,
    Proposer proposer, long plannedTrials, RunMetrics metrics, Dataset train, Dataset test,
    TrialEvaluator evaluator, java.util.List<String> warnings, Pruner pruner,
    PruningRule pruning, ObjectiveFunction function) {

  /** The metric that ranks trials; {@code null} for a function run. */
  public Metric objective() {
    return metrics == null ? null : metrics.objective();
  }

  /** The name of what ranks trials: a metric id, or a function's score name. */
  public String objectiveId() {
    return metrics == null ? spec.spec().objective() : metrics.objective().id();
  }

  /** The ids of the scores every trial's record holds, in order. */
  public java.util.List<String> metricIds() {
    return metrics == null ? java.util.List.of(objectiveId()) : metrics.ids();
  }

  /** Whether higher objective values are better. */
  public boolean maximize() {
    return metrics == null ? spec.spec().maximizes() : metrics.objective().greaterIsBetter();
  }

  /** The name of what scores trials: the estimator's, or the objective function's. */
  public String scorerName() {
    return function != null ? function.name() : estimator.name();
  }

  /** The positive class's label for a two-class run, else {@code null}. */
  public String positiveClass() {
    return metrics == null || metrics.positiveClass() < 0 ? null
        : train.classLabels().get(metrics.positiveClass());
  }
}
