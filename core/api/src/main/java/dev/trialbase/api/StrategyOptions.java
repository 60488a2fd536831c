package dev.trialbase.api;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * What a run tells a strategy beyond the search space.
 *
 * @param settings free-form options under the spec's {@code strategy.options} key, as parsed
 *     from JSON or YAML
 * @param maximize whether the objective is maximised
 * @param runSeed the run seed, for strategies that need run-level randomness fixed before the
 *     first proposal (such as a Latin hypercube's stratum permutations); derive from it, never
 *     from the clock
 */
public record StrategyOptions(Map<String, Object> settings, boolean maximize, long runSeed) {

  public StrategyOptions {
    settings = Collections.unmodifiableMap(new LinkedHashMap<>(settings));
  }

  /** No settings, maximising, run seed 0: for tests. */
  public static StrategyOptions defaults() {
    return new StrategyOptions(Map.of(), true, 0);
  }
}
