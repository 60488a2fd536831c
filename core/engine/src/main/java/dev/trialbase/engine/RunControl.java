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
  private volatile boolean aborted;
  private final java.util.List<Runnable> abortActions = new java.util.concurrent.CopyOnWriteArrayList<>();

  /** Asks the run to stop after the trials in flight. */
  public void requestStop() {
    stop = true;
  }

  public boolean stopRequested() {
    return stop;
  }

  /** Whether {@link #abort} was called: the run's status is then the abort's to store. */
  boolean aborted() {
    return aborted;
  }

  /**
   * Adds what {@link #abort} does, most recent first: the engine stores the run as interrupted
   * once the run exists, then kills its worker processes once they are started.
   */
  void onAbort(Runnable action) {
    abortActions.add(0, action);
  }

  /**
   * Stores the run as interrupted now, without waiting for its trials; the caller must then
   * end the process (trials in flight are abandoned, never stored as complete).
   */
  public void abort() {
    stop = true;
    aborted = true;
    for (Runnable action : abortActions) {
      action.run();
    }
  }
}
