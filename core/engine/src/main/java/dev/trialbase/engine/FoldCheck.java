package dev.trialbase.engine;

import java.util.Optional;

/**
 * Asked by {@link TrialEvaluator} after each fold of one trial but the last, with the
 * objective's score on every fold done so far (in the metric's own sign): empty to go on, or
 * the reason to stop the trial as pruned.
 */
public interface FoldCheck {

  /** Never stops a trial: runs without a pruner. */
  FoldCheck NONE = scores -> Optional.empty();

  Optional<String> afterFold(double[] objectiveSoFar);
}
