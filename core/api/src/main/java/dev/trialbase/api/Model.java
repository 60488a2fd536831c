package dev.trialbase.api;

/**
 * One model being fitted on one training set. Not shared between threads: the engine
 * creates one per fold.
 */
public interface Model {

  /**
   * Fits on {@code train}. {@code seed} is derived from (run seed, trial number, fold) and is
   * the only randomness the model may use.
   *
   * @throws Exception when fitting fails; the trial fails with the exception as its reason
   */
  void fit(Dataset train, long seed) throws Exception;

  /**
   * Classification: a probability distribution over the classes for each row of
   * {@code data}, {@code result[row][classIndex]} with classes indexed as in
   * {@link Dataset#classLabels()}. Each row must be finite, non-negative and sum to 1 (within
   * 1e-6); anything else fails the trial.
   */
  default double[][] predictProbabilities(Dataset data) throws Exception {
    throw new UnsupportedOperationException(getClass().getName() + " does not classify");
  }

  /** Regression: one finite predicted value for each row of {@code data}. */
  default double[] predictValues(Dataset data) throws Exception {
    throw new UnsupportedOperationException(getClass().getName() + " does not regress");
  }
}
