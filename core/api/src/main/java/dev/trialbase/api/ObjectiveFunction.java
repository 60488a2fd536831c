package dev.trialbase.api;

import java.util.List;
import org.pf4j.ExtensionPoint;

/**
 * An {@link Objective} a plugin provides, so that a spec's {@code function.name} can pick it
 * from the command line, as {@code estimator.name} picks an estimator. A stateless factory:
 * PF4J creates it once with a no-arg constructor.
 */
public interface ObjectiveFunction extends ExtensionPoint {

  /** The name a spec uses to pick this objective, such as {@code quadratic}. */
  String name();

  /** One line for {@code trialbase plugins}. */
  String description();

  /**
   * The parameters the objective reads, for validation: a spec that searches or fixes any
   * other name is refused before the run. Empty means any name is accepted (for objectives
   * given in code, whose parameters are whatever their space says).
   */
  List<ParamInfo> parameters();

  /**
   * The version recorded with runs when the objective comes from no plugin (given in code, or
   * on the class path); a plugin's objective is recorded with its plugin's version instead.
   */
  default String version() {
    return "unversioned";
  }

  /** The objective, called once per trial from any thread. */
  Objective objective();
}
