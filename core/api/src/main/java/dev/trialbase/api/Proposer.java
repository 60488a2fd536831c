package dev.trialbase.api;

import java.util.Optional;
import java.util.OptionalLong;
import java.util.SplittableRandom;

/**
 * Proposes the parameters of each trial of one run.
 *
 * <p><b>Determinism rule.</b> {@link #propose} must be a pure function of the space, the
 * options, the trial number, the random stream and the history it is given. It must not keep
 * state between calls, read the clock or use any other source of randomness. The engine
 * derives {@code random} from (run seed, trial number) and, for a proposer that
 * {@link #usesHistory() uses history}, hands it exactly the trials numbered below
 * {@code number - historyLag()}, whatever the number of parallel workers. That is what makes
 * runs reproducible with parallel trials and resumable after a crash.
 *
 * <p>Implementations may be called from several threads and must be thread-safe; being
 * stateless makes that free.
 */
public interface Proposer {

  /**
   * The parameters of trial {@code number} (0, 1, 2, ...), or empty once a finite strategy has
   * nothing more to propose.
   */
  Optional<ParamSet> propose(long number, SplittableRandom random, History history);

  /** How many trials this proposer can produce, when finite (grid search); empty otherwise. */
  default OptionalLong size() {
    return OptionalLong.empty();
  }

  /** Whether proposals depend on earlier results. Non-adaptive proposers get an empty history. */
  default boolean usesHistory() {
    return false;
  }

  /**
   * How many of the immediately preceding trials an adaptive proposal does without, so that
   * that many trials can run in parallel. Part of the result's definition: changing it changes
   * the proposals; changing the number of workers does not.
   */
  default int historyLag() {
    return 0;
  }
}
