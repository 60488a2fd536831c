package dev.trialbase.engine;

import static org.assertj.core.api.Assertions.assertThat;

import dev.trialbase.api.FoldHistory;
import dev.trialbase.api.ParamSet;
import dev.trialbase.api.PruningRule;
import dev.trialbase.store.TrialRecord;
import dev.trialbase.store.TrialStatus;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * The lag rule as the engine applies it to a pruner: trial n may start only once every trial
 * below {@code n - lag} has finished, its check sees exactly those trials (a snapshot taken when
 * it starts, whatever finishes later), and scores reach the rule oriented so higher is better.
 */
class FoldPruningTest {

  /** Records what each decision saw; stops a trial whose last fold scored below 0.5. */
  private static final class Recording implements PruningRule {
    final List<List<Long>> seen = new ArrayList<>();
    final List<List<Double>> scores = new ArrayList<>();

    @Override
    public Optional<String> prune(long number, List<Double> foldScores, FoldHistory history) {
      seen.add(history.trials().stream().map(FoldHistory.Trial::number).toList());
      scores.add(foldScores);
      return foldScores.get(foldScores.size() - 1) < 0.5 ? Optional.of("low") : Optional.empty();
    }

    @Override
    public int historyLag() {
      return 2;
    }
  }

  private static TrialRecord trial(long n, TrialStatus status, double... accuracy) {
    return new TrialRecord(n, status, ParamSet.empty(), Instant.EPOCH, Instant.EPOCH,
        List.of("log_loss", "accuracy"), new double[][] {accuracy.clone(), accuracy},
        Double.NaN, null, null);
  }

  @Test
  void aTrialStartsOnlyWhenEveryTrialBelowItsLagHasFinished() {
    FoldPruning pruning = new FoldPruning(new Recording(), true);
    assertThat(pruning.mayStart(0)).isTrue();
    assertThat(pruning.mayStart(2)).as("sees nothing: below 0").isTrue();
    assertThat(pruning.mayStart(3)).as("needs trial 0").isFalse();

    pruning.finished(trial(1, TrialStatus.COMPLETE, 0.8, 0.8), "accuracy");
    assertThat(pruning.mayStart(3)).as("trial 1 finished first; 0 still runs").isFalse();
    pruning.finished(trial(0, TrialStatus.PRUNED, 0.4), "accuracy");
    assertThat(pruning.mayStart(3)).isTrue();
    assertThat(pruning.mayStart(4)).isTrue();
    assertThat(pruning.mayStart(5)).as("needs trial 2").isFalse();
  }

  @Test
  void aTrialSeesExactlyTheTrialsBelowItsLagAsWhenItStarted() {
    Recording rule = new Recording();
    FoldPruning pruning = new FoldPruning(rule, true);
    pruning.finished(trial(0, TrialStatus.COMPLETE, 0.9, 0.7), "accuracy");
    pruning.finished(trial(1, TrialStatus.FAILED), "accuracy");
    FoldCheck four = pruning.forTrial(4);
    // Trials 2 and 3 finish after trial 4 started, in reverse order.
    pruning.finished(trial(3, TrialStatus.COMPLETE, 0.1, 0.1), "accuracy");
    pruning.finished(trial(2, TrialStatus.COMPLETE, 0.2, 0.2), "accuracy");

    assertThat(four.afterFold(new double[] {0.6})).isEmpty();
    assertThat(four.afterFold(new double[] {0.6, 0.3})).contains("low");
    assertThat(rule.seen).containsOnly(List.of(0L, 1L));
    // Trial 5 starts later and sees 0, 1 and 2 (below 5 - 2), not 3.
    pruning.forTrial(5).afterFold(new double[] {0.6});
    assertThat(rule.seen.get(2)).containsExactly(0L, 1L, 2L);
  }

  @Test
  void aMinimisedObjectiveReachesTheRuleNegated() {
    Recording rule = new Recording();
    FoldPruning pruning = new FoldPruning(rule, false);
    pruning.finished(trial(0, TrialStatus.COMPLETE, 0.3, 0.4), "accuracy");
    pruning.forTrial(3).afterFold(new double[] {0.25});
    assertThat(rule.scores.get(0)).containsExactly(-0.25);
  }
}
