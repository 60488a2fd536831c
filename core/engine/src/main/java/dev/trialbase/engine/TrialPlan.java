package dev.trialbase.engine;

import dev.trialbase.api.ParamSet;
import dev.trialbase.store.StoredTrial;
import java.util.List;
import java.util.Optional;

/**
 * What {@link TrialScheduler} needs from a run: which trials to run, how to propose them, and
 * where finished trials go. Every method is called on the scheduler's calling thread.
 */
interface TrialPlan {

  /** Trials 0 .. planned-1 at most. */
  long planned();

  /** Whether trial {@code n} is already stored (a resumed run) and must not run again. */
  boolean done(long n);

  /** Whether trial {@code n} may be proposed now (adaptive proposers wait for history). */
  boolean mayPropose(long n);

  /** The parameters of trial {@code n}, or empty when the strategy has no more. */
  Optional<ParamSet> propose(long n);

  /**
   * What trial {@code n} asks after each fold whether to stop (called on the calling thread
   * right after {@link #propose}; the check itself runs on a worker).
   */
  default FoldCheck foldCheck(long n) {
    return FoldCheck.NONE;
  }

  /**
   * Trials finished (in completion order): store them, in one transaction. Each is already in
   * its stored form, made on the worker that evaluated it ({@link StoredTrial#record()} is the
   * trial).
   */
  void finished(List<StoredTrial> trials);

  /** Nothing finished for a while: show the run is alive. */
  void idle();

  /** Whether to stop proposing, finish the trials in flight and return. */
  boolean stopRequested();
}
