package dev.trialbase.engine;

import dev.trialbase.api.Dataset;
import dev.trialbase.api.Estimator;
import dev.trialbase.api.Proposer;
import dev.trialbase.api.SearchStrategy;
import dev.trialbase.eval.Metric;
import dev.trialbase.spec.LoadedSpec;

/**
 * A spec checked against its plugins and data, with the data read and the folds made: all a
 * run needs before its first trial. Made by {@link RunEngine#prepare}; holds no database.
 *
 * @param spec the spec with its seed filled in
 * @param test the test set, or {@code null} when the spec has none
 */
public record PreparedRun(LoadedSpec spec, SearchStrategy strategy, Estimator estimator,
    Proposer proposer, long plannedTrials, Metric objective, Dataset train, Dataset test,
    TrialEvaluator evaluator) {
}
