package dev.trialbase.api;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/** The parameters a search explores, in the order the spec declares them. */
public record SearchSpace(Map<String, Distribution> parameters) {

  public SearchSpace {
    Objects.requireNonNull(parameters, "parameters");
    parameters = Collections.unmodifiableMap(new LinkedHashMap<>(parameters));
  }

  /** Whether every parameter of the space has a value in {@code params} that it contains. */
  public boolean contains(ParamSet params) {
    if (!params.names().equals(parameters.keySet())) {
      return false;
    }
    return parameters.entrySet().stream()
        .allMatch(e -> e.getValue().contains(params.get(e.getKey())));
  }
}
