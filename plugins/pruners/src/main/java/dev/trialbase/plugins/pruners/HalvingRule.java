package dev.trialbase.plugins.pruners;

import dev.trialbase.api.FoldHistory;
import dev.trialbase.api.PruningRule;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/** {@link SuccessiveHalvingPruner}'s rule for one run; immutable. */
record HalvingRule(int minResource, int reductionFactor, int minEarlyStoppingRate, int lag,
    int folds, boolean maximize) implements PruningRule {

  @Override
  public int historyLag() {
    return lag;
  }

  /** Whether {@code k} folds is a rung: {@code minResource * eta^(s + i)} for some i >= 0. */
  boolean isRung(int k) {
    long r = minResource;
    for (int i = 0; i < minEarlyStoppingRate && r <= k; i++) {
      r *= reductionFactor;
    }
    while (r < k) {
      r *= reductionFactor;
    }
    return r == k;
  }

  @Override
  public Optional<String> prune(long number, List<Double> foldScores, FoldHistory history) {
    int k = foldScores.size();
    if (!isRung(k)) {
      return Optional.empty();
    }
    double mine = Running.mean(foldScores, k);
    if (!Double.isFinite(mine)) {
      return Optional.empty();
    }
    List<Double> competing = new ArrayList<>();
    competing.add(mine);
    for (FoldHistory.Trial t : history.trials()) {
      double v = t.number() < number - lag ? t.runningMean(k) : Double.NaN;
      if (Double.isFinite(v)) {
        competing.add(v);
      }
    }
    // Higher is better: sort descending; the top max(1, n / eta) go on.
    competing.sort((a, b) -> Double.compare(b, a));
    int promoted = Math.max(1, competing.size() / reductionFactor);
    double threshold = competing.get(promoted - 1);
    if (mine >= threshold) {
      return Optional.empty();
    }
    return Optional.of(String.format(Locale.ROOT,
        "successive halving: running mean %s at the %d-fold rung is not in the top %d of %d "
            + "(threshold %s)", Running.shown(mine, maximize), k, promoted, competing.size(),
        Running.shown(threshold, maximize)));
  }
}
