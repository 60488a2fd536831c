package dev.trialbase.engine;

import dev.trialbase.api.ParamSet;
import dev.trialbase.plugin.PluginRegistry;
import dev.trialbase.spec.LoadedSpec;
import dev.trialbase.store.TrialRecord;

/**
 * One run's trial evaluation outside the run's own JVM: a worker process prepares the run once
 * from its spec and plugins (the data read, the folds made), then turns each (trial number,
 * parameters) into the record the run's own JVM would have made, bit for bit, since every
 * seed is derived from (run seed, trial number, fold).
 */
public final class TrialFunction {

  private final TrialEvaluator evaluator;

  private TrialFunction(TrialEvaluator evaluator) {
    this.evaluator = evaluator;
  }

  /** Prepares {@code spec} with {@code plugins} as the run did (its checks already passed). */
  public static TrialFunction prepare(LoadedSpec spec, PluginRegistry plugins) {
    PreparedRun prepared = new RunEngine(plugins).prepare(spec, true);
    return new TrialFunction(prepared.evaluator());
  }

  /** Trial {@code number}'s record; any failure becomes a failed trial, never a throw. */
  public TrialRecord evaluate(long number, ParamSet params, FoldCheck check) {
    return evaluator.evaluate(number, params, check);
  }
}
