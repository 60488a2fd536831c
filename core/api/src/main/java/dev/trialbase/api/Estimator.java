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
   * The parameters {@link #create} understands for a spec with these fixed parameters and this
   * search space: for an estimator whose parameters depend on a setting (a generic estimator
   * whose {@code classifier} picks a class with its own properties). The engine refuses any
   * other name before the run. Default: {@link #parameters()}.
   */
  default List<ParamInfo> parameters(ParamSet fixed, SearchSpace space) {
    return parameters();
  }

  /**
   * Checks a spec before anything runs, beyond parameter names: values of the wrong type, a
   * model that cannot handle {@code train}'s attributes or task, nested settings that do not
   * exist. The message becomes a one-line spec error (nothing is stored), so name the
   * parameter and what to change. A combination that is only known to fail when fitted fails
   * its trial instead. Default: no further checks.
   *
   * @param fixed the spec's {@code estimator.params}
   * @param space the searched parameters
   * @param train the training data (shape and values), as every fold's model will see it
   * @throws InvalidParamsException when the spec cannot run with this estimator
   */
  default void check(ParamSet fixed, SearchSpace space, Dataset train)
      throws InvalidParamsException {
  }

  /**
   * An unfitted model for {@code params}.
   *
   * @throws InvalidParamsException when the combination cannot be honoured; the trial then
   *     fails with the exception's message as its stored reason, and the run goes on
   */
  Model create(ParamSet params) throws InvalidParamsException;
}
