package dev.trialbase.api;

import org.pf4j.ExtensionPoint;

/**
 * Proposes parameter sets. A stateless factory: PF4J creates it once with a no-arg
 * constructor, and {@link #start} hands back a {@link Proposer} for one run.
 */
public interface SearchStrategy extends ExtensionPoint {

  /** The name a spec uses to pick this strategy, such as {@code grid}. */
  String name();

  /** One line for {@code trialbase plugins}. */
  String description();

  /**
   * A proposer for one run over {@code space}.
   *
   * @throws IllegalArgumentException when the space or options cannot be searched this way
   *     (for example a continuous range under grid search); the message names the parameter
   */
  Proposer start(SearchSpace space, StrategyOptions options);
}
