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
 * @param spec the spec with its seed filled in
 * @param test the test set, or {@code null} when the spec has none
 * @param pruner the pruner plugin, or {@code null} when the spec has none
 * @param pruning its rule for this run, or {@code null}
 */
public record PreparedRun(LoadedSpec spec, SearchStrategy strategy, Estimator estimator,
    Proposer proposer, long plannedTrials, Metric objective, Dataset train, Dataset test,
    TrialEvaluator evaluator, Pruner pruner, PruningRule pruning) {
}
