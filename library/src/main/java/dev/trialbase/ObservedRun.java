package dev.trialbase;

import dev.trialbase.engine.RunControl;
import dev.trialbase.engine.RunListener;
import dev.trialbase.store.TrialRecord;

/**
 * A {@link RunObserver} as the engine hears runs: each stored trial is passed on, and the
 * observer's wish to stop becomes the run's {@link RunControl} request.
 */
final class ObservedRun implements RunListener {

  private final RunObserver observer;
  private final RunControl control = new RunControl();

  ObservedRun(RunObserver observer) {
    this.observer = observer;
  }

  RunControl control() {
    return control;
  }

  @Override
  public void started(long runId, long plannedTrials) {
    observer.started(runId, plannedTrials);
  }

  @Override
  public void trialFinished(TrialRecord trial, double bestScore) {
    observer.trialFinished(trial.number(), trial.status().id(), trial.objective(), bestScore);
    if (observer.stopRequested()) {
      control.requestStop();
    }
  }
}
