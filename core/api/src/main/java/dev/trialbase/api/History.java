package dev.trialbase.api;

import java.util.List;
import java.util.OptionalDouble;

/**
 * The finished trials an adaptive proposal may look at, sorted by trial number. Which trials
 * are included is fixed by the determinism rule of {@link Proposer}, never by timing.
 */
public record History(List<FinishedTrial> trials) {

  public History {
    trials = List.copyOf(trials);
  }

  public static History empty() {
    return new History(List.of());
  }

  /**
   * One finished trial: its number, parameters, and objective score (the mean over folds,
   * empty when the trial failed), oriented so that higher is better when {@code maximize} was
   * set in the {@link StrategyOptions}.
   */
  public record FinishedTrial(long number, ParamSet params, boolean succeeded,
      OptionalDouble score) {
  }
}
