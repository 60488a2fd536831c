package dev.trialbase.testkit;

import dev.trialbase.api.SearchStrategy;
import org.junit.jupiter.api.Nested;

/** The kit passes strategies that keep the contract: unbounded, adaptive and finite. */
class CorrectStrategiesPassTest {

  @Nested
  class Random extends StrategyContract {
    @Override
    protected SearchStrategy strategy() {
      return TestStrategies.random();
    }
  }

  @Nested
  class AdaptiveWithHistoryLag extends StrategyContract {
    @Override
    protected SearchStrategy strategy() {
      return TestStrategies.adaptive();
    }
  }

  @Nested
  class Finite extends StrategyContract {
    @Override
    protected SearchStrategy strategy() {
      return TestStrategies.finite();
    }
  }
}
