package dev.trialbase.engine;

import dev.trialbase.api.Dataset;
import dev.trialbase.api.Objective;
import dev.trialbase.api.ParamSet;
import dev.trialbase.store.TrialRecord;
import dev.trialbase.store.TrialStatus;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * The user's kind of objective: calls an {@link Objective} once per trial with the trial's
 * parameters (the spec's fixed ones added) and a {@link StepContext}. The score is stored as
 * the trial's objective; the values reported along the way, or the score alone when none was
 * reported, as the score metric's steps (what a pruner sees as folds). Thread-safe when the
 * objective is.
 */
final class ObjectiveEvaluator implements TrialEvaluator {

  private final Objective objective;
  private final ParamSet fixed;
  private final List<String> metrics;
  private final int steps;
  private final long seed;

  /**
   * @param scoreName the name the score is stored under (the spec's {@code objective})
   * @param steps the most intermediate values a pruner is asked about, plus one
   */
  ObjectiveEvaluator(Objective objective, ParamSet fixed, String scoreName, int steps,
      long seed) {
    this.objective = objective;
    this.fixed = fixed;
    this.metrics = List.of(scoreName);
    this.steps = steps;
    this.seed = seed;
  }

  @Override
  public TrialRecord evaluate(long number, ParamSet params, FoldCheck check) {
    Instant start = Instant.now();
    StepContext context = new StepContext(number,
        Seeds.derive(seed, Seeds.Stream.OBJECTIVE, number, 0), steps, check);
    try {
      double score = objective.evaluate(TrialEvaluator.withFixed(fixed, params), context);
      if (context.pruned()) {
        double[] done = context.values();
        return new TrialRecord(number, TrialStatus.PRUNED, params, start, Instant.now(),
            metrics, new double[][] {done}, done[done.length - 1], null, context.reason());
      }
      if (!Double.isFinite(score)) {
        throw new ArithmeticException("the objective returned " + score
            + "; a score must be a finite number");
      }
      double[] values = context.values();
      return new TrialRecord(number, TrialStatus.COMPLETE, params, start, Instant.now(),
          metrics, new double[][] {values.length == 0 ? new double[] {score} : values}, score,
          null, null);
    } catch (Throwable e) { // anything the plugin throws (an AssertionError too) fails this trial only
      return failed(number, params, start, TrialStatus.FAILED, e);
    }
  }

  @Override
  public TrialRecord failed(long number, ParamSet params, Instant start, TrialStatus status,
      Throwable error) {
    return TrialRecord.failed(number, status, params, start, metrics, error);
  }

  /** A function run has no test set, so nothing is refit. */
  @Override
  public Map<String, Double> refitAndTest(ParamSet params, Dataset train, Dataset test) {
    return Map.of();
  }
}
