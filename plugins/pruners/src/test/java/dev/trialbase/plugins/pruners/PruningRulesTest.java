package dev.trialbase.plugins.pruners;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.trialbase.api.FoldHistory;
import dev.trialbase.api.PrunerOptions;
import dev.trialbase.api.PruningRule;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Both rules on a tiny history whose running means are worked out by hand. Five folds:
 *   trial 0 complete [0.8, 0.8, 0.8, 0.8, 0.8]   running mean after 2 folds 0.8, after 1 0.8
 *   trial 1 complete [0.7, 0.9, 0.8, 0.8, 0.8]   after 2: 0.8, after 1: 0.7
 *   trial 2 complete [0.6, 0.6, 0.6, 0.6, 0.6]   after 2: 0.6, after 1: 0.6
 *   trial 3 pruned   [0.1, 0.1]                  after 2: 0.1, after 1: 0.1
 *   trial 4 failed   []
 */
class PruningRulesTest {

  private static final FoldHistory HISTORY = new FoldHistory(List.of(
      new FoldHistory.Trial(0, true, false, List.of(0.8, 0.8, 0.8, 0.8, 0.8)),
      new FoldHistory.Trial(1, true, false, List.of(0.7, 0.9, 0.8, 0.8, 0.8)),
      new FoldHistory.Trial(2, true, false, List.of(0.6, 0.6, 0.6, 0.6, 0.6)),
      new FoldHistory.Trial(3, false, true, List.of(0.1, 0.1)),
      new FoldHistory.Trial(4, false, false, List.of())));

  private static PruningRule median(Map<String, Object> settings) {
    return new MedianPruner().start(new PrunerOptions(settings, 5, true));
  }

  private static PruningRule halving(Map<String, Object> settings) {
    return new SuccessiveHalvingPruner().start(new PrunerOptions(settings, 5, true));
  }

  /**
   * Trial 5 after folds [0.75, 0.70]: running mean 0.725. The complete trials' running means
   * after 2 folds are 0.8, 0.8, 0.6 (the pruned trial 3 is not complete): median 0.8, and
   * 0.725 < 0.8, so it stops. After [0.9, 0.75] (0.825) it goes on.
   */
  @Test
  void medianStopsATrialBelowTheMedianOfCompleteTrialsAtTheSameFold() {
    PruningRule rule = median(Map.of("startupTrials", 2, "lag", 0, "warmupFolds", 1));

    assertThat(rule.prune(5, List.of(0.75, 0.70), HISTORY)).hasValueSatisfying(reason ->
        assertThat(reason).contains("running mean 0.72500 after 2 of 5 folds")
            .contains("median 0.80000 of 3 earlier complete trials"));
    assertThat(rule.prune(5, List.of(0.9, 0.75), HISTORY)).isEmpty();
  }

  @Test
  void medianWaitsForItsWarmUpFoldsAndStartUpTrials() {
    // One fold is within warmupFolds 1, however bad.
    assertThat(median(Map.of("startupTrials", 2, "lag", 0, "warmupFolds", 1))
        .prune(5, List.of(0.0), HISTORY)).isEmpty();
    // The default, warmupFolds 0, decides after one fold: 0.5 < median(0.8, 0.7, 0.6) = 0.7.
    assertThat(median(Map.of("startupTrials", 2, "lag", 0)).prune(5, List.of(0.5), HISTORY))
        .isPresent();
    // Three complete trials are visible; startupTrials 4 wants four.
    assertThat(median(Map.of("startupTrials", 4, "lag", 0)).prune(5, List.of(0.0, 0.0),
        HISTORY)).isEmpty();
    // With lag 3, trial 5 sees trials 0 and 1 only: median(0.8, 0.8) = 0.8 from 2 trials.
    assertThat(median(Map.of("startupTrials", 2)).prune(5, List.of(0.75, 0.70), HISTORY))
        .hasValueSatisfying(r -> assertThat(r).contains("of 2 earlier complete trials"));
  }

  @Test
  void aMinimisedObjectiveIsShownInItsOwnSign() {
    PruningRule rule = new MedianPruner().start(new PrunerOptions(
        Map.of("startupTrials", 2, "lag", 0, "warmupFolds", 1), 5, false));
    assertThat(rule.prune(5, List.of(0.75, 0.70), HISTORY)).hasValueSatisfying(r ->
        assertThat(r).contains("running mean -0.72500").contains("median -0.80000"));
  }

  /**
   * reductionFactor 2, minResource 1: rungs at 1, 2 and 4 folds. After 2 folds, trial 5's
   * running mean 0.725 competes with every visible trial that did 2 folds: 0.8, 0.8, 0.6 and
   * the pruned 0.1. Sorted: 0.8, 0.8, 0.725, 0.6, 0.1; 5 // 2 = 2 go on, the threshold is the
   * second, 0.8: it stops. A running mean of 0.8 ties the threshold and goes on.
   */
  @Test
  void successiveHalvingKeepsTheTopFractionAtEachRung() {
    PruningRule rule = halving(Map.of("reductionFactor", 2, "lag", 0));

    assertThat(rule.prune(5, List.of(0.75, 0.70), HISTORY)).hasValueSatisfying(r ->
        assertThat(r).contains("at the 2-fold rung is not in the top 2 of 5")
            .contains("threshold 0.80000"));
    assertThat(rule.prune(5, List.of(0.8, 0.8), HISTORY)).isEmpty();
    // 3 folds is no rung: no decision however bad.
    assertThat(rule.prune(5, List.of(0.0, 0.0, 0.0), HISTORY)).isEmpty();
  }

  /**
   * Defaults (reductionFactor 4): rungs at 1 and 4. After 1 fold, 0.75 competes with 0.8, 0.7,
   * 0.6, 0.1: 5 // 4 = 1 goes on, the best (0.8): it stops; 0.85 would be the best and go on.
   * With a single earlier trial, fewer than 4 compete: only the best goes on.
   */
  @Test
  void successiveHalvingPromotesOnlyTheBestWhileFewCompete() {
    PruningRule rule = halving(Map.of("lag", 0));
    assertThat(rule.prune(5, List.of(0.75), HISTORY)).isPresent();
    assertThat(rule.prune(5, List.of(0.85), HISTORY)).isEmpty();
    FoldHistory one = new FoldHistory(HISTORY.trials().subList(0, 1));
    assertThat(rule.prune(1, List.of(0.79), one)).isPresent();
    assertThat(rule.prune(1, List.of(0.81), one)).isEmpty();
  }

  @Test
  void rungsFollowMinResourceReductionFactorAndMinEarlyStoppingRate() {
    HalvingRule defaults = new HalvingRule(1, 4, 0, 0, 20, true);
    assertThat(List.of(1, 2, 3, 4, 5, 16)).filteredOn(defaults::isRung).containsExactly(1, 4, 16);
    HalvingRule later = new HalvingRule(2, 3, 1, 0, 20, true);
    assertThat(List.of(2, 3, 6, 18)).filteredOn(later::isRung).containsExactly(6, 18);
  }

  @Test
  void badOptionsAreRefusedNamingTheOption() {
    assertThatThrownBy(() -> median(Map.of("startupTrials", -1)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("option 'startupTrials' must be at least 0, got -1");
    assertThatThrownBy(() -> median(Map.of("warmup", 1)))
        .hasMessageContaining("unknown option 'warmup'").hasMessageContaining("warmupFolds");
    assertThatThrownBy(() -> halving(Map.of("reductionFactor", 1)))
        .hasMessageContaining("option 'reductionFactor' must be at least 2");
    assertThatThrownBy(() -> halving(Map.of("minResource", "one")))
        .hasMessageContaining("option 'minResource' must be a whole number, got text \"one\"");
  }
}
