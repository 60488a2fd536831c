package dev.trialbase.engine;

import dev.trialbase.store.TrialRecord;

/** Hears about a run's progress, for progress displays. Called from the engine's thread. */
public interface RunListener {

  RunListener NONE = new RunListener() { };

  /** The run is stored and about to start; {@code plannedTrials} is an upper bound. */
  default void started(long runId, long plannedTrials) {
  }

  /** A trial finished and is committed; {@code bestScore} is the best objective so far (NaN if none). */
  default void trialFinished(TrialRecord trial, double bestScore) {
  }

  /** All trials are done; the best parameters are being refit and tested. */
  default void refitting() {
  }
}
