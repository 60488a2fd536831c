package dev.trialbase.engine;

import dev.trialbase.api.ParamSet;
import dev.trialbase.store.TrialRecord;

/**
 * Where the scheduler's workers have a trial evaluated: in this JVM, or in a worker process
 * that can be killed ({@link Isolation}). Either way the record is the same, bit for bit, and
 * anything that goes wrong (a throw, a timeout, a worker's death) is a failed or timed-out
 * trial, never a throw. Thread-safe: each scheduler worker calls it for its own trial.
 */
public interface TrialRunner extends AutoCloseable {

  /** Trial {@code number}'s record, asking {@code check} after each fold but the last. */
  TrialRecord run(long number, ParamSet params, FoldCheck check) throws InterruptedException;

  /** Ends whatever the runner started (threads, worker processes). */
  @Override
  void close();
}
