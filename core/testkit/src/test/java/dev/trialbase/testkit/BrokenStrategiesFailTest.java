package dev.trialbase.testkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;

import dev.trialbase.api.SearchStrategy;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import org.junit.platform.testkit.engine.EngineTestKit;
import org.junit.platform.testkit.engine.Event;
import org.junit.platform.testkit.engine.Events;

/**
 * Runs the contract, through the JUnit Platform as a build would, against strategies that
 * each break one rule, and checks which checks fail and why. (The contract classes below are
 * static nested classes, which Surefire does not run on its own.)
 */
class BrokenStrategiesFailTest {

  static final String SAME_SEED = "sameSeedGivesSameProposals()";
  static final String SEEDS_DIFFER = "differentSeedsGiveDifferentProposalsUnlessSeedIndependent()";
  static final String IN_SPACE = "everyProposalLiesInTheSpace()";
  static final String EXHAUSTS = "finiteStrategyExhaustsItsSpaceExactlyOnce()";
  static final String CLOCK = "proposalsDoNotDependOnTheClock()";
  static final String THREADS = "proposalsDoNotDependOnThreadOrder()";
  static final String TWICE = "proposingTheSameTrialTwiceGivesTheSameAnswer()";
  static final String DESCRIBES = "describesItself()";
  static final String PAST_LAG = "historyBeyondTheLagIsNeverRead()";
  static final String UNDECLARED = "nonAdaptiveProposalsIgnoreTheHistory()";

  /** The failed checks of {@code contract}, each with its failure message. */
  private static Map<String, String> failures(Class<? extends StrategyContract> contract) {
    Events tests = EngineTestKit.engine("junit-jupiter")
        .selectors(selectClass(contract))
        .execute()
        .testEvents();
    assertThat(tests.started().count()).as("checks run").isEqualTo(10);
    Map<String, String> failed = new TreeMap<>();
    for (Event e : tests.failed().list()) {
      Throwable t = e.getPayload(org.junit.platform.engine.TestExecutionResult.class)
          .flatMap(org.junit.platform.engine.TestExecutionResult::getThrowable).orElseThrow();
      assertThat(t).as("failure of %s", e.getTestDescriptor().getDisplayName())
          .isInstanceOf(AssertionError.class);
      failed.put(e.getTestDescriptor().getDisplayName(), t.getMessage());
    }
    return failed;
  }

  private static Set<String> failedChecks(Class<? extends StrategyContract> contract) {
    return new TreeSet<>(failures(contract).keySet());
  }

  @Test
  void correctStrategiesFailNothing() {
    assertThat(failures(GoodRandom.class)).isEmpty();
    assertThat(failures(GoodAdaptive.class)).isEmpty();
    assertThat(failures(GoodFinite.class)).isEmpty();
  }

  @Test
  void unseededNewRandomFailsEveryRepeatability() {
    Map<String, String> failed = failures(UnseededRandom.class);

    assertThat(failed.keySet()).containsExactlyInAnyOrder(SAME_SEED, CLOCK, THREADS, TWICE);
    assertThat(failed.get(SAME_SEED)).contains("two runs with the same seed disagree at trial")
        .contains("pure function");
  }

  @Test
  void clockSeededStartFailsSameSeedAndClockButNotPurity() {
    Map<String, String> failed = failures(ClockSeeded.class);

    assertThat(failed.keySet()).containsExactlyInAnyOrder(SAME_SEED, CLOCK);
    assertThat(failed.get(CLOCK)).contains("a proposer started 25 ms later");
  }

  @Test
  void proposalOutsideTheSpaceFailsTheBoundsCheckNamingTheParameter() {
    Map<String, String> failed = failures(IgnoresIntStep.class);

    assertThat(failed.keySet()).containsExactly(IN_SPACE);
    assertThat(failed.get(IN_SPACE)).contains("space 'int range with step'")
        .contains("lies outside the space").contains("depth=");
  }

  @Test
  void finiteStrategyRepeatingAPointFailsExhaustion() {
    Map<String, String> failed = failures(RepeatsPoints.class);

    assertThat(failed.keySet()).containsExactly(EXHAUSTS);
    assertThat(failed.get(EXHAUSTS)).contains("trial 1 repeats an earlier point");
  }

  @Test
  void finiteStrategyThatNeverRunsOutFailsExhaustion() {
    Map<String, String> failed = failures(OverrunsItsSize.class);

    assertThat(failed.keySet()).containsExactly(EXHAUSTS);
    assertThat(failed.get(EXHAUSTS)).contains("trial 20 is past the end");
  }

  @Test
  void hiddenStateBetweenCallsFailsPurityThreadsAndClock() {
    Map<String, String> failed = failures(HiddenCounter.class);

    assertThat(failed.keySet()).containsExactlyInAnyOrder(TWICE, THREADS, CLOCK);
    assertThat(failed.get(TWICE)).contains("asked twice on the same proposer");
  }

  @Test
  void threadDependentProposalsFailTheThreadCheckOnly() {
    assertThat(failedChecks(ThreadDependent.class)).containsExactly(THREADS);
  }

  @Test
  void ignoringTheSeedFailsTheSeedCheck() {
    Map<String, String> failed = failures(IgnoresSeed.class);

    assertThat(failed.keySet()).containsExactly(SEEDS_DIFFER);
    assertThat(failed.get(SEEDS_DIFFER)).contains("usesRandomness()");
  }

  @Test
  void randomStrategyDeclaredSeedIndependentFailsTheSeedCheck() {
    Map<String, String> failed = failures(ClaimsSeedIndependence.class);

    assertThat(failed.keySet()).containsExactly(SEEDS_DIFFER);
    assertThat(failed.get(SEEDS_DIFFER)).contains("usesRandomness() is false");
  }

  @Test
  void readingTheHistoryWithoutDeclaringItFailsTheUndeclaredHistoryCheckOnly() {
    Map<String, String> failed = failures(ForgetsUsesHistory.class);

    assertThat(failed.keySet()).containsExactly(UNDECLARED);
    assertThat(failed.get(UNDECLARED)).contains("yet usesHistory() is false");
  }

  @Test
  void readingTrialsInsideTheLagFailsTheLagCheckOnly() {
    Map<String, String> failed = failures(ReadsPastItsLag.class);

    assertThat(failed.keySet()).containsExactly(PAST_LAG);
    assertThat(failed.get(PAST_LAG)).contains("with historyLag() 2")
        .contains("numbered below n - historyLag()");
  }

  @Test
  void checksCanAlsoBeCalledDirectly() {
    org.assertj.core.api.Assertions.assertThatThrownBy(
        () -> new IgnoresIntStep().everyProposalLiesInTheSpace())
        .isInstanceOf(AssertionError.class)
        .hasMessageContaining("lies outside the space");
  }

  // ---------------------------------------------------------------------------------------------

  static class GoodRandom extends StrategyContract {
    @Override
    protected SearchStrategy strategy() {
      return TestStrategies.random();
    }
  }

  static class GoodAdaptive extends StrategyContract {
    @Override
    protected SearchStrategy strategy() {
      return TestStrategies.adaptive();
    }
  }

  static class GoodFinite extends StrategyContract {
    @Override
    protected SearchStrategy strategy() {
      return TestStrategies.finite();
    }
  }

  static class UnseededRandom extends StrategyContract {
    @Override
    protected SearchStrategy strategy() {
      return TestStrategies.unseededRandom();
    }
  }

  static class ClockSeeded extends StrategyContract {
    @Override
    protected SearchStrategy strategy() {
      return TestStrategies.clockSeeded();
    }
  }

  static class IgnoresIntStep extends StrategyContract {
    @Override
    protected SearchStrategy strategy() {
      return TestStrategies.ignoresIntStep();
    }
  }

  static class RepeatsPoints extends StrategyContract {
    @Override
    protected SearchStrategy strategy() {
      return TestStrategies.repeatsPoints();
    }
  }

  static class OverrunsItsSize extends StrategyContract {
    @Override
    protected SearchStrategy strategy() {
      return TestStrategies.overrunsItsSize();
    }
  }

  static class HiddenCounter extends StrategyContract {
    @Override
    protected SearchStrategy strategy() {
      return TestStrategies.hiddenCounter();
    }
  }

  static class ThreadDependent extends StrategyContract {
    @Override
    protected SearchStrategy strategy() {
      return TestStrategies.threadDependent();
    }
  }

  static class IgnoresSeed extends StrategyContract {
    @Override
    protected SearchStrategy strategy() {
      return TestStrategies.ignoresSeed();
    }
  }

  static class ForgetsUsesHistory extends StrategyContract {
    @Override
    protected SearchStrategy strategy() {
      return TestStrategies.forgetsUsesHistory();
    }
  }

  static class ReadsPastItsLag extends StrategyContract {
    @Override
    protected SearchStrategy strategy() {
      return TestStrategies.readsPastItsLag();
    }
  }

  static class ClaimsSeedIndependence extends StrategyContract {
    @Override
    protected SearchStrategy strategy() {
      return TestStrategies.claimsSeedIndependence();
    }

    @Override
    protected boolean usesRandomness() {
      return false;
    }
  }
}
