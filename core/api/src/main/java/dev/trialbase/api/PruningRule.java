package dev.trialbase.api;

import java.util.List;
import java.util.Optional;

/**
 * Decides, after each fold of a trial, whether to stop it.
 *
 * <p><b>Determinism rule</b>, as for {@link Proposer}: {@link #prune} must be a pure function
 * of the trial number, the trial's fold scores so far and the history it is given, with no
 * state between calls, no clock and no randomness. The engine hands it exactly the trials
 * numbered below {@code number - historyLag()}, each with the fold scores it finished with,
 * and waits for all of them before trial {@code number} starts, whatever the number of
 * parallel workers. It must ignore any later trial it is handed (the test kit checks).
 * Implementations may be called from several threads at once.
 */
public interface PruningRule {

  /**
   * Whether to stop trial {@code number} after the folds in {@code foldScores}.
   *
   * @param foldScores the trial's objective score on each fold done so far, in fold order,
   *     oriented so that higher is better
   * @return empty to go on, or why the trial stops (stored as its reason)
   */
  Optional<String> prune(long number, List<Double> foldScores, FoldHistory history);

  /**
   * How many of the immediately preceding trials a decision does without, so that that many
   * trials can run beside the one being decided. Part of the result's definition.
   */
  default int historyLag() {
    return 0;
  }
}
