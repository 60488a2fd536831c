package dev.trialbase.api;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * What a run tells a pruner.
 *
 * @param settings the spec's {@code pruner.options}, as parsed from JSON or YAML
 * @param folds how many folds every trial has
 * @param maximize whether the objective is maximised (scores given to the rule are already
 *     oriented so that higher is better; this is for messages in the objective's own sign)
 */
public record PrunerOptions(Map<String, Object> settings, int folds, boolean maximize) {

  public PrunerOptions {
    settings = Collections.unmodifiableMap(new LinkedHashMap<>(settings));
  }
}
