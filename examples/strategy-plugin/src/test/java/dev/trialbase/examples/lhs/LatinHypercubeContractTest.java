package dev.trialbase.examples.lhs;

import dev.trialbase.api.SearchStrategy;
import dev.trialbase.testkit.StrategyContract;
import java.util.Map;

/** The contract every Trialbase strategy keeps, from trialbase-testkit. */
class LatinHypercubeContractTest extends StrategyContract {

  @Override
  protected SearchStrategy strategy() {
    return new LatinHypercube();
  }

  @Override
  protected Map<String, Object> settings() {
    return Map.of("samples", 50);
  }
}
