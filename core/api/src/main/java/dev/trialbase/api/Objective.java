package dev.trialbase.api;

/**
 * What a trial evaluates when it is not an estimator cross-validated on data: any Java
 * function of the trial's parameters, such as a simulation, a model trained in code or a
 * service's settings. It returns one score; the run's {@code direction} says whether higher or
 * lower is better.
 *
 * <p>Determinism: a run is reproducible, and the same with any number of parallel trials, only
 * when the score is a function of {@code params} and {@link TrialContext#seed()} alone. Take
 * every random number from a generator seeded with that seed; read no clock, no shared
 * mutable state and no global random generator. Objectives run on several threads at once
 * when a run has parallel trials, so they must be thread-safe.
 *
 * <p>Throwing fails only this trial: the exception's class and message are stored as its
 * reason and the run goes on.
 */
@FunctionalInterface
public interface Objective {

  /**
   * The score of one trial.
   *
   * @param params the trial's parameters (the searched ones and the spec's fixed ones)
   * @param context the trial's number and seed, and where a pruner is set, a way to report
   *     intermediate values
   * @return the score; NaN or infinite values fail the trial
   * @throws Exception anything: the trial fails with it as its reason
   */
  double evaluate(ParamSet params, TrialContext context) throws Exception;
}
