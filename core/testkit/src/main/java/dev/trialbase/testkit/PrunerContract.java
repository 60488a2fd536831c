package dev.trialbase.testkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.trialbase.api.FoldHistory;
import dev.trialbase.api.Pruner;
import dev.trialbase.api.PrunerOptions;
import dev.trialbase.api.PruningRule;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * The contract every {@link Pruner} keeps, as JUnit 5 tests; a pruner's test extends this
 * class and supplies the pruner (and options). On a made-up run of {@link #trials()} trials of
 * {@link #folds()} folds — most complete, some pruned after a few folds, every seventh failed —
 * it asks the rule about every trial after every fold but the last, handing it the trials
 * below {@code n - historyLag()} as the engine does, and checks that:
 * <ul>
 *   <li>the same inputs give the same decisions, from a fresh rule each time;</li>
 *   <li>asking again, in reverse order, gives the same decisions (no state between calls);</li>
 *   <li>trials numbered {@code n - historyLag()} or later, handed to it anyway, change
 *       nothing;</li>
 *   <li>an unknown option is refused with an {@link IllegalArgumentException} naming it.</li>
 * </ul>
 */
public abstract class PrunerContract {

  /** The pruner under test. */
  protected abstract Pruner pruner();

  /** The options every rule is started with ({@code pruner.options} in a spec). */
  protected Map<String, Object> settings() {
    return Map.of();
  }

  /** Folds per trial. */
  protected int folds() {
    return 5;
  }

  /** Trials in the made-up run. */
  protected int trials() {
    return 60;
  }

  /** A rule for a run with {@link #settings()}. */
  protected PruningRule start() {
    return pruner().start(new PrunerOptions(settings(), folds(), true));
  }

  @Test
  public void describesItself() {
    assertThat(pruner().name()).as("name()").isNotBlank().doesNotContainAnyWhitespaces();
    assertThat(pruner().description()).as("description()").isNotBlank();
    assertThat(start().historyLag()).as("historyLag()").isNotNegative();
  }

  @Test
  public void sameInputsGiveSameDecisions() {
    assertSame("two rules started with the same options", decide(start(), false, false),
        decide(start(), false, false));
  }

  @Test
  public void askingAgainInAnyOrderGivesTheSameDecisions() {
    PruningRule rule = start();
    Map<String, Optional<String>> forward = decide(rule, false, false);
    assertSame("the same rule asked again in reverse order", forward,
        decide(rule, true, false));
  }

  @Test
  public void historyBeyondTheLagIsNeverRead() {
    PruningRule rule = start();
    Map<String, Optional<String>> visible = decide(rule, false, false);
    Map<String, Optional<String>> more = decide(rule, false, true);
    for (Map.Entry<String, Optional<String>> e : visible.entrySet()) {
      if (!e.getValue().equals(more.get(e.getKey()))) {
        throw new AssertionError(e.getKey() + ": decided " + e.getValue() + " from the trials "
            + "below n - historyLag() but " + more.get(e.getKey()) + " when the history also "
            + "held trials numbered n - " + rule.historyLag() + " or later; a decision must use "
            + "only the trials below n - historyLag(), or it would depend on which parallel "
            + "trials finished first");
      }
    }
  }

  @Test
  public void unknownOptionsAreRefusedByName() {
    Map<String, Object> bad = new LinkedHashMap<>(settings());
    bad.put("noSuchOption", 1);
    assertThatThrownBy(() -> pruner().start(new PrunerOptions(bad, folds(), true)))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("noSuchOption");
  }

  // ---------------------------------------------------------------------------------------------

  /** The made-up run: trial n's fold scores (fewer for a pruned trial, none for a failed one). */
  private List<FoldHistory.Trial> run() {
    List<FoldHistory.Trial> run = new ArrayList<>();
    for (int n = 0; n < trials(); n++) {
      SplittableRandom r = TrialRandom.forTrial(99, n);
      double level = 0.6 + 0.3 * r.nextDouble();
      List<Double> scores = new ArrayList<>();
      for (int k = 0; k < folds(); k++) {
        scores.add(level + 0.05 * (r.nextDouble() - 0.5));
      }
      boolean failed = n % 7 == 6;
      boolean pruned = !failed && n % 5 == 3;
      int done = failed ? 0 : pruned ? 1 + n % Math.max(1, folds() - 1) : folds();
      run.add(new FoldHistory.Trial(n, !failed && !pruned, pruned, scores.subList(0, done)));
    }
    return run;
  }

  /** Every decision of the run, by "trial n after k folds". */
  private Map<String, Optional<String>> decide(PruningRule rule, boolean reverse,
      boolean withLater) {
    List<FoldHistory.Trial> run = run();
    List<int[]> asks = new ArrayList<>();
    for (int n = 0; n < run.size(); n++) {
      for (int k = 1; k < folds(); k++) {
        asks.add(new int[] {n, k});
      }
    }
    if (reverse) {
      java.util.Collections.reverse(asks);
    }
    Map<String, Optional<String>> out = new HashMap<>();
    for (int[] ask : asks) {
      int n = ask[0];
      int k = ask[1];
      List<FoldHistory.Trial> history = new ArrayList<>();
      for (FoldHistory.Trial t : run) {
        if (t.number() < n - rule.historyLag()) {
          history.add(t);
        } else if (withLater && t.number() <= n + 1) {
          // Extreme scores, so that reading them would likely change a decision.
          double extreme = t.number() % 2 == 0 ? 10 : -10;
          history.add(new FoldHistory.Trial(t.number(), true, false,
              java.util.Collections.nCopies(folds(), extreme)));
        }
      }
      SplittableRandom own = TrialRandom.forTrial(7, n);
      List<Double> scores = new ArrayList<>();
      for (int i = 0; i < k; i++) {
        scores.add(0.55 + 0.4 * own.nextDouble());
      }
      Optional<String> decision = rule.prune(n, List.copyOf(scores), new FoldHistory(history));
      if (decision == null) {
        throw new AssertionError("trial " + n + " after " + k + " folds: prune returned null; "
            + "return Optional.empty() to go on");
      }
      out.put("trial " + n + " after " + k + " folds", decision);
    }
    return out;
  }

  private static void assertSame(String what, Map<String, Optional<String>> expected,
      Map<String, Optional<String>> actual) {
    for (Map.Entry<String, Optional<String>> e : expected.entrySet()) {
      if (!e.getValue().equals(actual.get(e.getKey()))) {
        throw new AssertionError(what + " disagree at " + e.getKey() + ": " + e.getValue()
            + " then " + actual.get(e.getKey()) + "; a decision must be a pure function of "
            + "(trial number, its fold scores, the history): no clock, no randomness, no state "
            + "between calls");
      }
    }
  }
}
