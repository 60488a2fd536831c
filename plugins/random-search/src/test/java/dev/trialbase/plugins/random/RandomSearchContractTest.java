package dev.trialbase.plugins.random;

import dev.trialbase.api.SearchStrategy;
import dev.trialbase.testkit.StrategyContract;

/** The strategy contract (trialbase-testkit). */
class RandomSearchContractTest extends StrategyContract {

  @Override
  protected SearchStrategy strategy() {
    return new RandomSearch();
  }
}
