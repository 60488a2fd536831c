package dev.trialbase.api;

import java.util.List;

/**
 * The finished trials a {@link PruningRule} may look at, sorted by trial number, with their
 * per-fold objective scores (oriented so that higher is better).
 */
public record FoldHistory(List<Trial> trials) {

  public FoldHistory {
    trials = List.copyOf(trials);
  }

  public static FoldHistory empty() {
    return new FoldHistory(List.of());
  }

  /**
   * One finished trial.
   *
   * @param complete whether it ran every fold (false for pruned, failed and timed-out trials)
   * @param pruned whether a pruning rule stopped it
   * @param foldScores its objective score on each fold it finished, in fold order (all folds
   *     for a complete trial, the folds before the stop for a pruned one, none for a failed one)
   */
  public record Trial(long number, boolean complete, boolean pruned, List<Double> foldScores) {
    public Trial {
      foldScores = List.copyOf(foldScores);
    }

    /** The mean of the first {@code folds} scores; NaN when it has fewer. */
    public double runningMean(int folds) {
      if (folds < 1 || foldScores.size() < folds) {
        return Double.NaN;
      }
      double sum = 0;
      for (int k = 0; k < folds; k++) {
        sum += foldScores.get(k);
      }
      return sum / folds;
    }
  }
}
