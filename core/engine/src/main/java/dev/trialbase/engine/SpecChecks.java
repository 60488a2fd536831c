package dev.trialbase.engine;

import dev.trialbase.api.Dataset;
import dev.trialbase.api.Estimator;
import dev.trialbase.api.ParamInfo;
import dev.trialbase.api.ParamSet;
import dev.trialbase.api.Proposer;
import dev.trialbase.api.Pruner;
import dev.trialbase.api.PrunerOptions;
import dev.trialbase.api.PruningRule;
import dev.trialbase.api.SearchSpace;
import dev.trialbase.api.SearchStrategy;
import dev.trialbase.api.StrategyOptions;
import dev.trialbase.eval.Folds;
import dev.trialbase.spec.ExperimentSpec;
import dev.trialbase.spec.SpecException;
import dev.trialbase.spec.SpecReader;
import java.util.Comparator;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Checks of a spec that need its plugins or its data, made before anything is stored, so a
 * spec that cannot run leaves the database untouched.
 */
public final class SpecChecks {

  /**
   * The most trials a finite strategy (a grid) may plan without {@code --force}: a bigger grid
   * is almost always a mistake (a float range with too many points, one parameter too many)
   * that would otherwise fill the database for days.
   */
  public static final long MAX_GRID_TRIALS = 100_000;

  private SpecChecks() {
  }

  /**
   * The estimator's fixed parameters from the spec, after checking that every fixed and
   * searched parameter is one the estimator has, and that none is both.
   */
  static ParamSet fixedParams(ExperimentSpec spec, Estimator estimator, SearchSpace space) {
    Set<String> known = estimator.parameters().stream().map(ParamInfo::name)
        .collect(Collectors.toCollection(java.util.LinkedHashSet::new));
    var fixed = spec.estimator().params() == null ? java.util.Map.<String, Object>of()
        : spec.estimator().params();
    for (String name : space.parameters().keySet()) {
      checkKnown("space." + name, name, estimator, known);
      if (fixed.containsKey(name)) {
        throw new SpecException("'" + name + "' is both fixed in estimator.params and searched "
            + "in space; keep one");
      }
    }
    for (String name : fixed.keySet()) {
      checkKnown("estimator.params." + name, name, estimator, known);
    }
    try {
      return ParamSet.of(fixed);
    } catch (IllegalArgumentException e) {
      throw new SpecException("estimator.params: " + e.getMessage()
          + "; values must be numbers, text, true/false or null");
    }
  }

  private static void checkKnown(String key, String name, Estimator estimator, Set<String> known) {
    if (!known.contains(name)) {
      String nearest = known.stream()
          .min(Comparator.comparingInt(k -> SpecReader.editDistance(k, name)))
          .filter(k -> SpecReader.editDistance(k, name) <= Math.max(2, name.length() / 3))
          .map(k -> "; did you mean '" + k + "'?")
          .orElse("");
      throw new SpecException(key + ": estimator '" + estimator.name() + "' has no parameter '"
          + name + "'" + nearest + "; its parameters: " + String.join(", ", known));
    }
  }

  /** The strategy's proposer for {@code space}; a space it cannot search is a spec error. */
  static Proposer start(SearchStrategy strategy, SearchSpace space, StrategyOptions options) {
    try {
      return strategy.start(space, options);
    } catch (IllegalArgumentException e) {
      throw new SpecException("strategy '" + strategy.name() + "': " + e.getMessage());
    }
  }

  /** The pruner's rule for a run; options it cannot honour are a spec error. */
  static PruningRule startPruner(Pruner pruner, PrunerOptions options) {
    try {
      return pruner.start(options);
    } catch (IllegalArgumentException e) {
      throw new SpecException("pruner '" + pruner.name() + "': " + e.getMessage());
    }
  }

  /** How many trials to run, with no limit on the size of a finite strategy. */
  static long plannedTrials(ExperimentSpec spec, Proposer proposer) {
    return plannedTrials(spec, proposer, true);
  }

  /**
   * How many trials to run: the spec's {@code trials}, capped by a finite strategy's size.
   * Unless {@code force}, a finite strategy that would run more than {@link #MAX_GRID_TRIALS}
   * trials is a spec error.
   */
  static long plannedTrials(ExperimentSpec spec, Proposer proposer, boolean force) {
    if (spec.trials() == null && proposer.size().isEmpty()) {
      throw new SpecException("strategy '" + spec.strategy().name()
          + "' never runs out of proposals: set 'trials' to the number of trials to run");
    }
    long planned = spec.trials() == null ? Long.MAX_VALUE : spec.trials();
    if (proposer.size().isEmpty()) {
      return planned;
    }
    long size = proposer.size().getAsLong();
    planned = Math.min(planned, size);
    if (!force && planned > MAX_GRID_TRIALS) {
      String what = planned == size ? "has " + size + " points"
          : "would run " + planned + " of its " + size + " points";
      throw new SpecException("strategy '" + spec.strategy().name() + "': the space " + what
          + ", more than the limit of " + MAX_GRID_TRIALS + "; pass --force to run it anyway, "
          + "or set 'trials' to at most " + MAX_GRID_TRIALS + " to run the first points");
    }
    return planned;
  }

  /** The run's folds; too few rows in a class for the fold count is a spec error. */
  static Folds folds(Dataset train, int k, long seed) {
    int[] counts = new int[train.classCount()];
    for (int label : train.labels()) {
      counts[label]++;
    }
    for (int c = 0; c < counts.length; c++) {
      if (counts[c] < k) {
        throw new SpecException("folds: " + k + " folds need at least " + k
            + " training rows of every class, but class '" + train.classLabels().get(c)
            + "' has " + counts[c]);
      }
    }
    return Folds.stratified(train.labels(), k, Seeds.derive(seed, Seeds.Stream.FOLDS, 0, 0));
  }
}
