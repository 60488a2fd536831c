package dev.trialbase.api;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * What a spec says to a strategy beyond the search space: free-form settings under the
 * spec's {@code strategy} key (values as parsed from JSON or YAML), and whether the objective
 * is maximised.
 */
public record StrategyOptions(Map<String, Object> settings, boolean maximize) {

  public StrategyOptions {
    settings = Collections.unmodifiableMap(new LinkedHashMap<>(settings));
  }

  public static StrategyOptions defaults() {
    return new StrategyOptions(Map.of(), true);
  }
}
