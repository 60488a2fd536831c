package dev.trialbase;

/**
 * Hears how a run goes, and may stop it: for a program's own progress display or its own
 * Ctrl-C. Called on the thread that called {@code run}, {@code resume} or {@code reproduce},
 * after each trial is stored.
 *
 * <p>Stopping is clean, as the command line's Ctrl-C: no new trial starts, the trials in flight
 * finish and are stored, and the run is left {@code interrupted}, for
 * {@link Trialbase#resume} to finish.
 */
public interface RunObserver {

  /** Observes nothing and never stops. */
  RunObserver NONE = new RunObserver() { };

  /** The run {@code runId} is stored and about to start; {@code plannedTrials} is at most. */
  default void started(long runId, long plannedTrials) {
  }

  /**
   * Trial {@code number} is stored with {@code status} and {@code objective} (NaN when it has
   * none); {@code bestObjective} is the best so far (NaN when none completed).
   */
  default void trialFinished(long number, String status, double objective,
      double bestObjective) {
  }

  /** Asked after each stored trial: true to stop the run cleanly. */
  default boolean stopRequested() {
    return false;
  }
}
