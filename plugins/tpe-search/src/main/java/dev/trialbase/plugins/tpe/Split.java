package dev.trialbase.plugins.tpe;

import dev.trialbase.api.History;
import dev.trialbase.api.History.FinishedTrial;
import java.util.ArrayList;
import java.util.List;

/**
 * The history divided into good and bad trials. The good ones are the
 * {@link TpeOptions#goodCount(int) goodCount(N)} best succeeded trials (higher score first,
 * lower number on ties), N counting every finished trial; all others are bad, including every
 * failed, timed-out and pruned trial, so that TPE learns to avoid regions whose trials fail
 * or are stopped early. Both lists are in trial-number order.
 */
record Split(List<FinishedTrial> good, List<FinishedTrial> bad) {

  static Split of(History history, TpeOptions options) {
    List<FinishedTrial> trials = history.trials();
    int k = options.goodCount(trials.size());
    // The k best by a bounded insertion: O(N k), k <= 25, no sort of the whole history.
    int[] best = new int[k];
    int held = 0;
    for (int i = 0; i < trials.size(); i++) {
      FinishedTrial t = trials.get(i);
      if (!scored(t)) {
        continue;
      }
      int at = held;
      while (at > 0 && better(t, trials.get(best[at - 1]))) {
        at--;
      }
      if (at >= k) {
        continue;
      }
      int last = Math.min(held, k - 1);
      System.arraycopy(best, at, best, at + 1, last - at);
      best[at] = i;
      held = Math.min(k, held + 1);
    }
    boolean[] isGood = new boolean[trials.size()];
    for (int i = 0; i < held; i++) {
      isGood[best[i]] = true;
    }
    List<FinishedTrial> good = new ArrayList<>(held);
    List<FinishedTrial> bad = new ArrayList<>(trials.size() - held);
    for (int i = 0; i < trials.size(); i++) {
      (isGood[i] ? good : bad).add(trials.get(i));
    }
    return new Split(good, bad);
  }

  static boolean scored(FinishedTrial t) {
    return t.succeeded() && t.score().isPresent() && Double.isFinite(t.score().getAsDouble());
  }

  /** Higher score first; the lower trial number on ties. */
  private static boolean better(FinishedTrial a, FinishedTrial b) {
    double x = a.score().getAsDouble();
    double y = b.score().getAsDouble();
    return x > y || (x == y && a.number() < b.number());
  }

  /**
   * Optuna's {@code default_weights} for {@code n} observations in trial order: 1 each up to
   * 25; beyond that the 25 latest weigh 1 and the older ones ramp linearly from 1/n up to 1,
   * so that old trials count less.
   */
  static double[] weights(int n) {
    double[] w = new double[n];
    java.util.Arrays.fill(w, 1.0);
    int ramp = n - 25;
    if (ramp > 0) {
      for (int i = 0; i < ramp; i++) {
        w[i] = ramp == 1 ? 1.0 / n : 1.0 / n + (1.0 - 1.0 / n) * i / (ramp - 1);
      }
    }
    return w;
  }
}
