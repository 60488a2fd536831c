package dev.trialbase.api;

import org.pf4j.ExtensionPoint;

/**
 * Stops unpromising trials early. A stateless factory like {@link SearchStrategy}: PF4J
 * creates it once, and {@link #start} hands back the {@link PruningRule} of one run. The engine
 * evaluates a trial's folds in order and asks the rule after each fold (but the last) whether
 * to stop; a stopped trial is stored with status {@code pruned}, the fold scores it has and the
 * rule's reason, and never becomes the run's best.
 */
public interface Pruner extends ExtensionPoint {

  /** The name a spec uses, such as {@code median}: {@code "pruner": {"name": "median"}}. */
  String name();

  /** One line for {@code trialbase plugins}. */
  String description();

  /**
   * The rule for one run.
   *
   * @throws IllegalArgumentException for an unknown option or a bad value, naming the option;
   *     the run is then refused as a spec error before anything is stored
   */
  PruningRule start(PrunerOptions options);
}
