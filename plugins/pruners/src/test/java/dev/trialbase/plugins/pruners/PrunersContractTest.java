package dev.trialbase.plugins.pruners;

import dev.trialbase.api.Pruner;
import dev.trialbase.testkit.PrunerContract;
import java.util.Map;
import org.junit.jupiter.api.Nested;

/** The pruner contract (trialbase-testkit) for both pruners, with default and other options. */
class PrunersContractTest {

  @Nested
  class Median extends PrunerContract {
    @Override
    protected Pruner pruner() {
      return new MedianPruner();
    }
  }

  @Nested
  class MedianNoLagNoWarmup extends PrunerContract {
    @Override
    protected Pruner pruner() {
      return new MedianPruner();
    }

    @Override
    protected Map<String, Object> settings() {
      return Map.of("lag", 0, "warmupFolds", 0, "startupTrials", 2);
    }
  }

  @Nested
  class SuccessiveHalving extends PrunerContract {
    @Override
    protected Pruner pruner() {
      return new SuccessiveHalvingPruner();
    }
  }

  @Nested
  class SuccessiveHalvingEtaTwo extends PrunerContract {
    @Override
    protected Pruner pruner() {
      return new SuccessiveHalvingPruner();
    }

    @Override
    protected Map<String, Object> settings() {
      return Map.of("reductionFactor", 2, "lag", 1);
    }

    @Override
    protected int folds() {
      return 10;
    }
  }
}
