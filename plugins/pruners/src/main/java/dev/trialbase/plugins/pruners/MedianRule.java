package dev.trialbase.plugins.pruners;

import dev.trialbase.api.FoldHistory;
import dev.trialbase.api.PruningRule;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/** {@link MedianPruner}'s rule for one run; immutable. */
record MedianRule(int startupTrials, int warmupFolds, int lag, int folds, boolean maximize)
    implements PruningRule {

  @Override
  public int historyLag() {
    return lag;
  }

  @Override
  public Optional<String> prune(long number, List<Double> foldScores, FoldHistory history) {
    int k = foldScores.size();
    if (k <= warmupFolds) {
      return Optional.empty();
    }
    double mine = Running.mean(foldScores, k);
    double[] earlier = history.trials().stream()
        .filter(t -> t.number() < number - lag && t.complete())
        .mapToDouble(t -> t.runningMean(k))
        .filter(Double::isFinite)
        .toArray();
    if (earlier.length < Math.max(1, startupTrials) || !Double.isFinite(mine)) {
      return Optional.empty();
    }
    double median = median(earlier);
    if (mine >= median) {
      return Optional.empty();
    }
    return Optional.of(String.format(Locale.ROOT,
        "median pruner: running mean %s after %d of %d folds is worse than the median %s of "
            + "%d earlier complete trials at that fold", Running.shown(mine, maximize), k, folds,
        Running.shown(median, maximize), earlier.length));
  }

  /** The median: the middle value, or the mean of the two middle values. */
  static double median(double[] values) {
    double[] sorted = values.clone();
    Arrays.sort(sorted);
    int n = sorted.length;
    return n % 2 == 1 ? sorted[n / 2] : 0.5 * (sorted[n / 2 - 1] + sorted[n / 2]);
  }
}
