package dev.trialbase.plugins.tpe;

import dev.trialbase.api.SearchStrategy;
import dev.trialbase.testkit.StrategyContract;
import java.util.Map;
import org.junit.jupiter.api.Nested;

/** The strategy contract (trialbase-testkit), univariate and multivariate. */
class TpeSearchContractTest extends StrategyContract {

  @Override
  protected SearchStrategy strategy() {
    return new TpeSearch();
  }

  /** Fewer start-up trials, so that most checked trials are TPE proposals. */
  @Override
  protected Map<String, Object> settings() {
    return Map.of("startupTrials", 4);
  }

  @Nested
  class Multivariate extends StrategyContract {
    @Override
    protected SearchStrategy strategy() {
      return new TpeSearch();
    }

    @Override
    protected Map<String, Object> settings() {
      return Map.of("startupTrials", 4, "multivariate", true, "lag", 0);
    }
  }
}
