package dev.trialbase.examples.knn;

import dev.trialbase.api.Estimator;
import dev.trialbase.api.InvalidParamsException;
import dev.trialbase.api.Model;
import dev.trialbase.api.ParamInfo;
import dev.trialbase.api.ParamSet;
import dev.trialbase.api.Task;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.pf4j.Extension;

/**
 * The {@code knn} estimator: a spec's name, description, parameters and tasks, and a fresh
 * {@link NeighboursModel} per fold. Stateless, as PF4J creates one instance for the host.
 */
@Extension
public class NearestNeighbours implements Estimator {

  static final long DEFAULT_K = 5;
  static final String UNIFORM = "uniform";
  static final String DISTANCE = "distance";

  @Override
  public String name() {
    return "knn";
  }

  @Override
  public String description() {
    return "k nearest neighbours (HEOM distance: numeric and nominal attributes, missing "
        + "cells); class shares or the mean target of the k nearest training rows";
  }

  @Override
  public Set<Task> tasks() {
    return EnumSet.of(Task.CLASSIFICATION, Task.REGRESSION);
  }

  @Override
  public List<ParamInfo> parameters() {
    return List.of(
        new ParamInfo("k", "int", Long.toString(DEFAULT_K),
            "how many nearest training rows vote (at most the training size is used)"),
        new ParamInfo("weights", "string", UNIFORM,
            "uniform: each neighbour counts once; distance: by 1/distance (exact matches alone "
                + "when there are any)"));
  }

  @Override
  public Model create(ParamSet params) throws InvalidParamsException {
    long k = DEFAULT_K;
    if (params.has("k")) {
      try {
        k = params.getLong("k");
      } catch (IllegalArgumentException e) {
        throw new InvalidParamsException("k must be a whole number of at least 1, got "
            + params.get("k"));
      }
      if (k < 1) {
        throw new InvalidParamsException("k must be at least 1, got " + k);
      }
    }
    Object weights = params.has("weights") ? params.get("weights") : UNIFORM;
    if (!UNIFORM.equals(weights) && !DISTANCE.equals(weights)) {
      throw new InvalidParamsException("weights must be 'uniform' or 'distance', got "
          + weights);
    }
    return new NeighboursModel((int) Math.min(k, Integer.MAX_VALUE), DISTANCE.equals(weights));
  }
}
