package dev.trialbase.store;

import dev.trialbase.api.ParamSet;
import java.util.Map;

/**
 * One stored trial: its parameters, and the mean and standard deviation of each metric over
 * the folds (empty maps for a trial that failed before scoring).
 */
public record TrialView(long number, String status, ParamSet params, Map<String, Double> means,
    Map<String, Double> stds, Double objective, Double durationMs, String errorClass,
    String errorMessage) {
}
