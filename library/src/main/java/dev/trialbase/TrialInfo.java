package dev.trialbase;

import dev.trialbase.api.ParamSet;
import dev.trialbase.store.TrialView;
import java.util.Map;

/**
 * One stored trial, as {@code trialbase trials} lists it.
 *
 * @param number 0, 1, 2 ... in proposal order
 * @param status {@code complete}, {@code failed}, {@code pruned}, {@code timeout} or
 *     {@code running}
 * @param params the searched parameters
 * @param metrics each metric's mean over the folds (a function run: the score's mean over its
 *     reported steps, or the score); empty for a trial that failed before scoring
 * @param objective the value that ranks trials (a function run: the score returned), or null
 * @param durationMs how long the trial took
 * @param errorClass why a failed trial failed: the exception's class, else null
 * @param errorMessage and its message (or a pruner's reason), else null
 */
public record TrialInfo(long number, String status, ParamSet params, Map<String, Double> metrics,
    Double objective, Double durationMs, String errorClass, String errorMessage) {

  static TrialInfo of(TrialView v) {
    return new TrialInfo(v.number(), v.status(), v.params(), v.means(), v.objective(),
        v.durationMs(), v.errorClass(), v.errorMessage());
  }
}
