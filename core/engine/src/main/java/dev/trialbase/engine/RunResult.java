package dev.trialbase.engine;

import dev.trialbase.api.ParamSet;
import dev.trialbase.store.RunStatus;
import java.util.Map;

/**
 * How a run ended: its id, status, trial counts, the best trial (null when none completed)
 * and the refit best model's test-set scores (empty without a test set).
 *
 * @param failed trials that did not complete: failed, timed out or pruned
 * @param pruned of those, the trials a pruner stopped
 * @param commits the transactions that stored this command's trials (group commits)
 * @param storingNanos the time those transactions took
 */
public record RunResult(long runId, long seed, RunStatus status, long trials, long failed,
    Long bestTrial, ParamSet bestParams, double bestScore, String objective,
    Map<String, Double> testMetrics, long pruned, long commits, long storingNanos) {
}
