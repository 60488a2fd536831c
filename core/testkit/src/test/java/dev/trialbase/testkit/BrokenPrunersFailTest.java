package dev.trialbase.testkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;

import dev.trialbase.api.FoldHistory;
import dev.trialbase.api.Pruner;
import dev.trialbase.api.PrunerOptions;
import dev.trialbase.api.PruningRule;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;
import org.junit.platform.engine.TestExecutionResult;
import org.junit.platform.testkit.engine.EngineTestKit;
import org.junit.platform.testkit.engine.Event;

/**
 * Runs {@link PrunerContract} against a correct pruner and against pruners that each break one
 * rule, through the JUnit Platform, and checks which checks fail.
 */
class BrokenPrunersFailTest {

  static final String AGAIN = "askingAgainInAnyOrderGivesTheSameDecisions()";
  static final String PAST_LAG = "historyBeyondTheLagIsNeverRead()";
  static final String OPTIONS = "unknownOptionsAreRefusedByName()";

  private static Map<String, String> failures(Class<? extends PrunerContract> contract) {
    var tests = EngineTestKit.engine("junit-jupiter").selectors(selectClass(contract)).execute()
        .testEvents();
    assertThat(tests.started().count()).as("checks run").isEqualTo(5);
    Map<String, String> failed = new TreeMap<>();
    for (Event e : tests.failed().list()) {
      Throwable t = e.getPayload(TestExecutionResult.class)
          .flatMap(TestExecutionResult::getThrowable).orElseThrow();
      failed.put(e.getTestDescriptor().getDisplayName(), t.getMessage());
    }
    return failed;
  }

  /**
   * A pruner from a rule, with lag 2; it refuses unknown options only when {@code strict}.
   */
  static Pruner pruner(String name, java.util.function.Supplier<PruningRule> rule,
      boolean strict) {
    return new Pruner() {
      @Override
      public String name() {
        return name;
      }

      @Override
      public String description() {
        return "test pruner " + name;
      }

      @Override
      public PruningRule start(PrunerOptions options) {
        if (strict && !options.settings().isEmpty()) {
          throw new IllegalArgumentException("unknown option '"
              + options.settings().keySet().iterator().next() + "'");
        }
        return rule.get();
      }
    };
  }

  /** Stops a trial below the mean running score of the visible trials at the same fold. */
  static PruningRule belowMean(boolean readsPastLag) {
    return new PruningRule() {
      @Override
      public Optional<String> prune(long n, List<Double> scores, FoldHistory history) {
        int k = scores.size();
        double[] earlier = history.trials().stream()
            .filter(t -> readsPastLag || t.number() < n - 2)
            .mapToDouble(t -> t.runningMean(k)).filter(Double::isFinite).toArray();
        double mine = scores.stream().mapToDouble(Double::doubleValue).sum() / k;
        double mean = java.util.Arrays.stream(earlier).average().orElse(Double.NaN);
        return earlier.length > 0 && mine < mean ? Optional.of("below the mean") : Optional.empty();
      }

      @Override
      public int historyLag() {
        return 2;
      }
    };
  }

  /** Stops every third call, whatever it is asked: hidden state. */
  static PruningRule counting() {
    AtomicLong calls = new AtomicLong();
    return (n, scores, history) -> calls.incrementAndGet() % 3 == 0
        ? Optional.of("third call") : Optional.empty();
  }

  @Test
  void aCorrectPrunerFailsNothing() {
    assertThat(failures(Good.class)).isEmpty();
  }

  @Test
  void readingTrialsInsideTheLagFailsTheLagCheckOnly() {
    Map<String, String> failed = failures(ReadsPastItsLag.class);
    assertThat(failed.keySet()).containsExactly(PAST_LAG);
    assertThat(failed.get(PAST_LAG)).contains("numbered n - 2 or later");
  }

  /**
   * A fresh counter per rule repeats itself, and two forward passes of 240 questions each keep
   * its phase; asking in reverse order does not.
   */
  @Test
  void hiddenStateFailsTheAskAgainCheck() {
    Map<String, String> failed = failures(Counting.class);
    assertThat(failed.keySet()).containsExactly(AGAIN);
    assertThat(failed.get(AGAIN)).contains("no state between calls");
  }

  @Test
  void acceptingUnknownOptionsFailsTheOptionCheck() {
    assertThat(failures(Lenient.class).keySet()).containsExactly(OPTIONS);
  }

  static class Good extends PrunerContract {
    @Override
    protected Pruner pruner() {
      return BrokenPrunersFailTest.pruner("good", () -> belowMean(false), true);
    }
  }

  static class ReadsPastItsLag extends PrunerContract {
    @Override
    protected Pruner pruner() {
      return BrokenPrunersFailTest.pruner("past-lag", () -> belowMean(true), true);
    }
  }

  static class Counting extends PrunerContract {
    @Override
    protected Pruner pruner() {
      return BrokenPrunersFailTest.pruner("counting", BrokenPrunersFailTest::counting, true);
    }
  }

  static class Lenient extends PrunerContract {
    @Override
    protected Pruner pruner() {
      return BrokenPrunersFailTest.pruner("lenient", () -> belowMean(false), false);
    }
  }
}
