package dev.trialbase.api;

/**
 * What an {@link Objective} learns about the trial it evaluates. One context per trial, used
 * from the thread that evaluates it.
 */
public interface TrialContext {

  /** The trial's number: 0, 1, 2 ... in proposal order. */
  long number();

  /**
   * The trial's seed, derived from the run seed and the trial number only. Seed every random
   * generator of the trial with it; nothing else may be random.
   */
  long seed();

  /**
   * Reports the score after one more step (an epoch, a simulated day), in the objective's own
   * sign. With a pruner set, the pruner compares it with the other trials' scores at the same
   * step and may stop the trial: then this returns {@code true}, and the objective should
   * return at once (its return value is ignored). Without a pruner it returns {@code false}.
   * The values reported are stored as the trial's steps; its score is what
   * {@link Objective#evaluate} returns.
   */
  boolean report(double value);

  /** Whether the pruner has stopped this trial. */
  boolean pruned();
}
