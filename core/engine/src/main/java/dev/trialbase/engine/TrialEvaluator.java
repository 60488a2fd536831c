package dev.trialbase.engine;

import dev.trialbase.api.Dataset;
import dev.trialbase.api.ParamSet;
import dev.trialbase.store.TrialRecord;
import dev.trialbase.store.TrialStatus;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * One trial, one function: what the scheduler calls on a worker to turn a parameter set into a
 * stored trial. Two kinds: {@link CrossValidation} (an estimator fitted and scored on every
 * fold) and {@link ObjectiveEvaluator} (a user's {@link dev.trialbase.api.Objective}). The
 * scheduler, the store, resume, pruning and timeouts see only this. Implementations are
 * thread-safe.
 */
interface TrialEvaluator {

  /**
   * Evaluates trial {@code number}, asking {@code check} after each step (fold) but the last
   * whether to stop; any failure becomes a failed trial, never a throw.
   */
  TrialRecord evaluate(long number, ParamSet params, FoldCheck check);

  /** A record for a trial that ended with {@code error} in state {@code status}. */
  TrialRecord failed(long number, ParamSet params, Instant start, TrialStatus status,
      Throwable error);

  /**
   * Refits {@code params} on all of {@code train} and scores every metric on {@code test}: for
   * runs with a test set only.
   */
  Map<String, Double> refitAndTest(ParamSet params, Dataset train, Dataset test)
      throws Exception;

  /**
   * The spec's fixed parameters, then the trial's (a trial's value wins): what an estimator or
   * an objective is given.
   */
  static ParamSet withFixed(ParamSet fixed, ParamSet params) {
    if (fixed.names().isEmpty()) {
      return params;
    }
    Map<String, Object> all = new LinkedHashMap<>(fixed.asMap());
    all.putAll(params.asMap());
    return ParamSet.of(all);
  }
}
