package dev.trialbase.engine;

import dev.trialbase.api.Dataset;
import dev.trialbase.api.Estimator;
import dev.trialbase.api.Model;
import dev.trialbase.api.ParamSet;
import dev.trialbase.api.Task;
import dev.trialbase.eval.Folds;
import dev.trialbase.eval.Metric;
import dev.trialbase.eval.PredictionCheck;
import dev.trialbase.eval.Predictions;
import dev.trialbase.eval.Summary;
import dev.trialbase.store.TrialRecord;
import dev.trialbase.store.TrialStatus;
import java.time.Instant;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The estimator's kind of objective: scores parameter sets by k-fold cross-validation on folds
 * made once per run, every metric on every fold. Thread-safe: the fold datasets are read-only
 * and every fit gets a fresh model.
 */
final class CrossValidation implements TrialEvaluator {

  private final Estimator estimator;
  private final ParamSet fixedParams;
  private final List<Metric> metrics;
  /** The metric ids, made once: every trial's record shares this list. */
  private final List<String> ids;
  private final int objectiveIndex;
  private final int positiveClass;
  private final long seed;
  private final Dataset[] trainFolds;
  private final Dataset[] validationFolds;

  CrossValidation(Estimator estimator, ParamSet fixedParams, RunMetrics runMetrics, long seed,
      Dataset train, Folds folds) {
    this.estimator = estimator;
    this.fixedParams = fixedParams;
    this.metrics = runMetrics.metrics();
    this.ids = runMetrics.ids();
    this.objectiveIndex = metrics.indexOf(runMetrics.objective());
    this.positiveClass = runMetrics.positiveClass();
    this.seed = seed;
    this.trainFolds = new Dataset[folds.count()];
    this.validationFolds = new Dataset[folds.count()];
    for (int k = 0; k < folds.count(); k++) {
      trainFolds[k] = train.rows(folds.trainRows(k));
      validationFolds[k] = train.rows(folds.validationRows(k));
    }
  }

  /**
   * Cross-validates trial {@code number}, folds in order, asking {@code check} after each fold
   * but the last whether to stop; a stopped trial is {@code pruned}, with the folds it did.
   * Any failure becomes a failed trial, never a throw.
   */
  @Override
  public TrialRecord evaluate(long number, ParamSet params, FoldCheck check) {
    Instant start = Instant.now();
    ParamSet all = TrialEvaluator.withFixed(fixedParams, params);
    try {
      double[][] values = new double[metrics.size()][trainFolds.length];
      for (int k = 0; k < trainFolds.length; k++) {
        Predictions predictions = fitAndPredict(all, trainFolds[k], validationFolds[k],
            Seeds.derive(seed, Seeds.Stream.FIT, number, k));
        for (int m = 0; m < metrics.size(); m++) {
          values[m][k] = metrics.get(m).score(predictions);
        }
        if (check != FoldCheck.NONE && k < trainFolds.length - 1) {
          Optional<String> stop = check.afterFold(Arrays.copyOf(values[objectiveIndex], k + 1));
          if (stop.isPresent()) {
            return pruned(number, params, start, values, k + 1, stop.get());
          }
        }
      }
      double objective = Summary.of(values[objectiveIndex]).mean();
      return new TrialRecord(number, TrialStatus.COMPLETE, params, start, Instant.now(), ids,
          values, objective, null, null);
    } catch (Throwable e) { // anything the plugin throws (an AssertionError too) fails this trial only
      return failed(number, params, start, TrialStatus.FAILED, e);
    }
  }

  /** A trial stopped by the pruner after {@code done} folds: those folds' scores and why. */
  private TrialRecord pruned(long number, ParamSet params, Instant start, double[][] values,
      int done, String reason) {
    double[][] kept = new double[values.length][];
    for (int m = 0; m < values.length; m++) {
      kept[m] = Arrays.copyOf(values[m], done);
    }
    double objective = Summary.of(kept[objectiveIndex]).mean();
    return new TrialRecord(number, TrialStatus.PRUNED, params, start, Instant.now(), ids, kept,
        objective, null, reason);
  }

  @Override
  public TrialRecord failed(long number, ParamSet params, Instant start, TrialStatus status,
      Throwable error) {
    return TrialRecord.failed(number, status, params, start, ids, error);
  }

  @Override
  public Map<String, Double> refitAndTest(ParamSet params, Dataset train, Dataset test)
      throws Exception {
    Predictions predictions = fitAndPredict(TrialEvaluator.withFixed(fixedParams, params),
        train, test, Seeds.derive(seed, Seeds.Stream.REFIT, 0, 0));
    Map<String, Double> scores = new LinkedHashMap<>();
    for (Metric metric : metrics) {
      scores.put(metric.id(), metric.score(predictions));
    }
    return scores;
  }

  /**
   * Fits a fresh model on {@code train} and predicts {@code validation}. Output that is not a
   * probability distribution per row (or a finite number per row, for regression) fails the
   * trial with that reason.
   */
  private Predictions fitAndPredict(ParamSet params, Dataset train, Dataset validation,
      long fitSeed) throws Exception {
    Model model = estimator.create(params);
    model.fit(train, fitSeed);
    if (validation.task() == Task.REGRESSION) {
      double[] values = model.predictValues(validation);
      PredictionCheck.values(estimator.name(), values, validation.size());
      return new Predictions.Values(validation.targets(), values);
    }
    double[][] probabilities = model.predictProbabilities(validation);
    PredictionCheck.probabilities(estimator.name(), probabilities, validation.size(),
        validation.classCount());
    return new Predictions.Classes(validation.labels(), probabilities, validation.classCount(),
        positiveClass);
  }
}
