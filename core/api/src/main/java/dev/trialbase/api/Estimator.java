package dev.trialbase.api;

import java.util.List;
import java.util.Set;
import org.pf4j.ExtensionPoint;

/**
 * Fits models. A stateless factory: PF4J creates it once; {@link #create} hands back a fresh
 * {@link Model} for each fold of each trial.
 */
public interface Estimator extends ExtensionPoint {

  /** The name a spec uses to pick this estimator, such as {@code weka-logistic}. */
  String name();

  /** One line for {@code trialbase plugins}. */
  String description();

  /**
   * The tasks its models can do: a spec whose task is not among them is refused before the
   * run, naming the task. Classification only unless overridden.
   */
  default Set<Task> tasks() {
    return Set.of(Task.CLASSIFICATION);
  }

  /** The parameters {@link #create} understands, for validation and listing. */
  List<ParamInfo> parameters();

  /**
   * An unfitted model for {@code params}.
   *
   * @throws InvalidParamsException when the combination cannot be honoured; the trial then
   *     fails with the exception's message as its stored reason, and the run goes on
   */
  Model create(ParamSet params) throws InvalidParamsException;
}
