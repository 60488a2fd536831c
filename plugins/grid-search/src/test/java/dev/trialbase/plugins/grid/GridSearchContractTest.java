package dev.trialbase.plugins.grid;

import dev.trialbase.api.SearchStrategy;
import dev.trialbase.testkit.StrategyContract;

/** The strategy contract (trialbase-testkit); a grid uses no randomness. */
class GridSearchContractTest extends StrategyContract {

  @Override
  protected SearchStrategy strategy() {
    return new GridSearch();
  }

  @Override
  protected boolean usesRandomness() {
    return false;
  }
}
