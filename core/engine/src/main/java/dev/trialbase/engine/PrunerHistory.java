package dev.trialbase.engine;

import dev.trialbase.api.FoldHistory;
import dev.trialbase.store.TrialStatus;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeMap;

/**
 * The finished trials of a run with their per-fold objective scores, oriented so that higher
 * is better, as a {@link dev.trialbase.api.PruningRule} sees them. Used from the scheduler's
 * calling thread only; snapshots handed to workers are immutable.
 */
final class PrunerHistory {

  private final boolean maximize;
  private final TreeMap<Long, FoldHistory.Trial> trials = new TreeMap<>();

  PrunerHistory(boolean maximize) {
    this.maximize = maximize;
  }

  /** Records a finished trial and the objective's score on each fold it did. */
  void add(long number, TrialStatus status, double[] objectiveFolds) {
    List<Double> oriented = new ArrayList<>(objectiveFolds.length);
    for (double v : objectiveFolds) {
      oriented.add(maximize ? v : -v);
    }
    trials.put(number, new FoldHistory.Trial(number, status == TrialStatus.COMPLETE,
        status == TrialStatus.PRUNED, oriented));
  }

  /** Whether every trial numbered below {@code below} has finished. */
  boolean completeBelow(long below) {
    return below <= 0 || trials.headMap(below).size() == below;
  }

  /** The finished trials numbered below {@code below}, by number. */
  FoldHistory below(long below) {
    return new FoldHistory(new ArrayList<>(trials.headMap(Math.max(0, below)).values()));
  }
}
