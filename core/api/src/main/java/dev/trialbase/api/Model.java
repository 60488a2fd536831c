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
   * Class probabilities for each row of {@code data}: {@code result[row][classIndex]}, with
   * classes indexed as in {@link Dataset#classLabels()}.
   */
  double[][] predictProbabilities(Dataset data) throws Exception;
}
