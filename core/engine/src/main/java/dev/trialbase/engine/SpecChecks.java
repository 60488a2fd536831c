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
import dev.trialbase.api.Task;
import dev.trialbase.eval.Folds;
import dev.trialbase.spec.ExperimentSpec;
import dev.trialbase.spec.SpecException;
import dev.trialbase.api.Suggestions;
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
    var fixedMap = spec.estimator().params() == null ? java.util.Map.<String, Object>of()
        : spec.estimator().params();
    ParamSet fixed;
    try {
      fixed = ParamSet.of(fixedMap);
    } catch (IllegalArgumentException e) {
      throw new SpecException("estimator.params: " + e.getMessage()
          + "; values must be numbers, text, true/false or null");
    }
    java.util.Map<String, ParamInfo> known = new java.util.LinkedHashMap<>();
    estimator.parameters(fixed, space).forEach(p -> known.put(p.name(), p));
    for (var entry : space.parameters().entrySet()) {
      String name = entry.getKey();
      checkKnown("space." + name, name, estimator, known.keySet());
      if (fixed.has(name)) {
        throw new SpecException("'" + name + "' is both fixed in estimator.params and searched "
            + "in space; keep one");
      }
      ParamTypes.checkSpace("space." + name, known.get(name), entry.getValue());
    }
    for (String name : fixed.names()) {
      checkKnown("estimator.params." + name, name, estimator, known.keySet());
      ParamTypes.checkValue("estimator.params." + name, known.get(name), fixed.get(name));
    }
    return fixed;
  }

  /**
   * An objective function's fixed parameters from the spec, after checking that every fixed
   * and searched name is one it reads (when it lists any) and that none is both.
   */
  static ParamSet functionParams(ExperimentSpec spec, dev.trialbase.api.ObjectiveFunction
      function, SearchSpace space) {
    var fixedMap = spec.function().params() == null ? java.util.Map.<String, Object>of()
        : spec.function().params();
    ParamSet fixed;
    try {
      fixed = ParamSet.of(fixedMap);
    } catch (IllegalArgumentException e) {
      throw new SpecException("function.params: " + e.getMessage()
          + "; values must be numbers, text, true/false or null");
    }
    java.util.Map<String, ParamInfo> known = new java.util.LinkedHashMap<>();
    function.parameters().forEach(p -> known.put(p.name(), p));
    for (var entry : space.parameters().entrySet()) {
      String name = entry.getKey();
      if (fixed.has(name)) {
        throw new SpecException("'" + name + "' is both fixed in function.params and searched "
            + "in space; keep one");
      }
      if (!known.isEmpty()) {
        checkKnownTo("space." + name, name, "objective '" + function.name() + "'", known.keySet());
        ParamTypes.checkSpace("space." + name, known.get(name), entry.getValue());
      }
    }
    if (!known.isEmpty()) {
      for (String name : fixed.names()) {
        checkKnownTo("function.params." + name, name, "objective '" + function.name() + "'",
            known.keySet());
        ParamTypes.checkValue("function.params." + name, known.get(name), fixed.get(name));
      }
    }
    return fixed;
  }

  private static void checkKnownTo(String key, String name, String owner, Set<String> known) {
    if (!known.contains(name)) {
      String nearest = Suggestions.didYouMean(name, known);
      throw new SpecException(key + ": " + owner + " has no parameter '" + name + "'" + nearest
          + "; its parameters: " + String.join(", ", known));
    }
  }

  /**
   * The estimator's own checks of the spec against the training data (value types, nested
   * settings, what the model can handle); a refusal is a spec error.
   */
  static void estimatorAccepts(Estimator estimator, ParamSet fixed, SearchSpace space,
      Dataset train) {
    try {
      estimator.check(fixed, space, train);
    } catch (dev.trialbase.api.InvalidParamsException | IllegalArgumentException e) {
      throw new SpecException("estimator '" + estimator.name() + "': " + e.getMessage());
    }
  }

  private static void checkKnown(String key, String name, Estimator estimator, Set<String> known) {
    if (!known.contains(name)) {
      String nearest = Suggestions.didYouMean(name, known);
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

  /** An estimator that cannot do the data's task is a spec error naming the task. */
  static void task(Estimator estimator, Dataset train) {
    Task task = train.task();
    if (!estimator.tasks().contains(task)) {
      String why = task == Task.REGRESSION
          ? "target '" + train.target().name() + "' is numeric"
          : "target '" + train.target().name() + "' is nominal";
      throw new SpecException("estimator '" + estimator.name() + "' cannot do "
          + task.id() + " (" + why + "); it does " + estimator.tasks().stream()
          .map(Task::id).sorted().collect(Collectors.joining(", "))
          + (task == Task.CLASSIFICATION ? "" : "; set data.task if the target is really "
              + "classes"));
    }
  }

  /**
   * The run's folds: stratified for classification, shuffled for regression. More folds than
   * rows is a spec error; a class with fewer rows than folds is allowed, as in scikit-learn,
   * and simply misses from some validation folds.
   */
  static Folds folds(Dataset train, int k, long seed) {
    if (train.size() < k) {
      throw new SpecException("folds: " + k + " folds need at least " + k
          + " training rows, but there are " + train.size());
    }
    if (train.task() == Task.CLASSIFICATION) {
      int[] counts = new int[train.classCount()];
      for (int label : train.labels()) {
        counts[label]++;
      }
      if (java.util.Arrays.stream(counts).allMatch(c -> c < k)) {
        throw new SpecException("folds: " + k + " stratified folds need a class with at least "
            + k + " training rows, but the largest has "
            + java.util.Arrays.stream(counts).max().orElse(0));
      }
    }
    long foldSeed = Seeds.derive(seed, Seeds.Stream.FOLDS, 0, 0);
    return train.task() == Task.CLASSIFICATION
        ? Folds.stratified(train.labels(), k, foldSeed)
        : Folds.shuffled(train.size(), k, foldSeed);
  }
}
