package dev.trialbase.store;

import java.time.Instant;

/**
 * The provenance of a run as it starts: enough to reproduce it.
 *
 * @param task {@code classification} or {@code regression}
 * @param target the target column's name
 * @param classLabelsJson the class labels as a JSON array, declared order; null for regression
 * @param positiveClass the positive class of a two-class run, else null
 */
public record NewRun(String experiment, String strategy, String estimator, long seed, int folds,
    String objective, boolean maximize, Long plannedTrials, String specJson, String specPath,
    String trainPath, String trainSha256, String testPath, String testSha256,
    String pluginsJson, String trialbaseVersion, String jvm, String os, String host, long pid,
    Instant startedAt, String task, String target, String classLabelsJson,
    String positiveClass) {
}
