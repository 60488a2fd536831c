package dev.trialbase.engine;

/**
 * Lets another thread (a Ctrl-C handler) stop a run cleanly: no new trial starts, the trials
 * in flight finish and are stored, and the run is marked interrupted so that
 * {@code trialbase resume} can finish it. Thread-safe.
 */
public final class RunControl {

  private volatile boolean stop;

  /** Asks the run to stop after the trials in flight. */
  public void requestStop() {
    stop = true;
  }

  public boolean stopRequested() {
    return stop;
  }
}
