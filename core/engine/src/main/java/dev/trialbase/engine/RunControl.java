package dev.trialbase.engine;

/**
 * Lets another thread (a Ctrl-C handler) stop a run. {@link #requestStop} stops it cleanly: no
 * new trial starts, the trials in flight finish and are stored, and the run is marked
 * interrupted so that {@code trialbase resume} can finish it. {@link #abort} is for when
 * waiting is not wanted (a second Ctrl-C): it stores the run as interrupted at once, keeping the
 * trials already committed, and the caller then ends the process, trials in flight and all.
 * Thread-safe.
 */
public final class RunControl {

  private volatile boolean stop;
  private volatile Runnable abortAction = () -> { };

  /** Asks the run to stop after the trials in flight. */
  public void requestStop() {
    stop = true;
  }

  public boolean stopRequested() {
    return stop;
  }

  /** What {@link #abort} does to the stored run; the engine sets it once the run exists. */
  void onAbort(Runnable action) {
    abortAction = action;
  }

  /**
   * Stores the run as interrupted now, without waiting for its trials; the caller must then
   * end the process (trials in flight are abandoned, never stored as complete).
   */
  public void abort() {
    stop = true;
    abortAction.run();
  }
}
