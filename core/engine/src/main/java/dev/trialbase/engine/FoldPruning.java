package dev.trialbase.engine;

import dev.trialbase.api.FoldHistory;
import dev.trialbase.api.PruningRule;
import dev.trialbase.store.TrialRecord;
import dev.trialbase.store.TrialStatus;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A run's pruner as the engine applies it. The rule of trial {@code n} sees exactly the trials
 * numbered below {@code n - historyLag()}, with the fold scores they finished with; the run
 * does not start trial {@code n} before all of those have finished ({@link #mayStart}), and
 * hands the trial a snapshot of them ({@link #forTrial}). So a decision never depends on
 * {@code --jobs} or on finish order. Used from the scheduler's calling thread; the checks it
 * hands out run on workers and share nothing mutable.
 */
final class FoldPruning {

  private final PruningRule rule;
  private final boolean maximize;
  private final PrunerHistory history;

  FoldPruning(PruningRule rule, boolean maximize) {
    this.rule = rule;
    this.maximize = maximize;
    this.history = new PrunerHistory(maximize);
  }

  /** Whether trial {@code n}'s history is complete, so that it may start. */
  boolean mayStart(long n) {
    return history.completeBelow(n - rule.historyLag());
  }

  /** The check trial {@code n} runs after each fold, over a snapshot of its history. */
  FoldCheck forTrial(long n) {
    FoldHistory visible = history.below(n - rule.historyLag());
    return scores -> {
      List<Double> oriented = new ArrayList<>(scores.length);
      for (double v : scores) {
        oriented.add(maximize ? v : -v);
      }
      Optional<String> reason = rule.prune(n, List.copyOf(oriented), visible);
      return reason == null ? Optional.empty() : reason;
    };
  }

  /** Records a finished trial with its scores of the metric {@code objective}. */
  void finished(TrialRecord trial, String objective) {
    int row = trial.metrics().indexOf(objective);
    double[][] folds = trial.foldValues();
    history.add(trial.number(), trial.status(), row >= 0 && row < folds.length
        ? folds[row] : new double[0]);
  }

  /**
   * Records a trial stored before a resume, from its status and the objective's stored fold
   * scores (null where a fold had no score).
   */
  void stored(long number, TrialStatus status, List<Double> objectiveFolds) {
    double[] values = new double[objectiveFolds == null ? 0 : objectiveFolds.size()];
    for (int k = 0; k < values.length; k++) {
      Double v = objectiveFolds.get(k);
      values[k] = v == null ? Double.NaN : v;
    }
    history.add(number, status, values);
  }

  /** The objective's stored fold scores of every trial, from {@code foldMetrics}. */
  static List<Double> objectiveFolds(Map<String, List<Double>> foldMetrics, String objective) {
    return foldMetrics == null ? List.of() : foldMetrics.getOrDefault(objective, List.of());
  }
}
