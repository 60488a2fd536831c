package dev.trialbase;

import dev.trialbase.store.RunView;

/**
 * One stored run, as {@code trialbase runs} lists it.
 *
 * @param id the run's id in its database
 * @param experiment the experiment it belongs to
 * @param status {@code running}, {@code complete}, {@code failed} or {@code interrupted}
 * @param strategy the strategy's name
 * @param scorer what scored the trials: the estimator's or the objective function's name
 * @param seed the run seed
 * @param objective what ranks trials: a metric id, or a function's score name
 * @param maximize whether higher objective values are better
 * @param trials trials stored
 * @param complete of those, the complete ones
 * @param notComplete the others: failed, timed out, pruned or still running
 * @param bestObjective the best complete trial's objective, or null
 * @param bestTrial its number, or null
 * @param startedAt when the run started, ISO-8601 UTC
 * @param endedAt when it ended, or null
 */
public record RunInfo(long id, String experiment, String status, String strategy,
    String scorer, long seed, String objective, boolean maximize, int trials, int complete,
    int notComplete, Double bestObjective, Long bestTrial, String startedAt, String endedAt) {

  static RunInfo of(RunView v) {
    return new RunInfo(v.id(), v.experiment(), v.status(), v.strategy(), v.estimator(),
        v.seed(), v.objective(), v.maximize(), v.trials(), v.complete(), v.notComplete(),
        v.bestObjective(), v.bestTrial(), v.startedAt(), v.endedAt());
  }

  /** Wall time from start to end in seconds; null while the run has no end. */
  public Double seconds() {
    return RunView.seconds(startedAt, endedAt);
  }
}
