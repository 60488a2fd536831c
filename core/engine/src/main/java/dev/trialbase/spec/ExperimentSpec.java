package dev.trialbase.spec;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What a spec file says, as written: paths are relative to the spec's folder. Absent optional
 * values are {@code null}; {@link SpecReader} fills defaults.
 *
 * @param experiment the name that groups runs, such as {@code titanic-logistic}
 * @param data where the training (and optional test) file is, its target, task and format
 * @param estimator the estimator plugin's name and fixed parameters shared by every trial
 * @param strategy the strategy plugin's name and its options
 * @param space each searched parameter: a list of choices, or an object with a {@code type}
 * @param trials the most trials to run; required for unbounded strategies such as random
 * @param folds the number of stratified cross-validation folds (default 5)
 * @param metrics the metrics to score each fold with (default: the task's defaults, filled in
 *     once the data is read)
 * @param objective the metric that ranks trials (default accuracy, r2 for regression)
 * @param seed the run seed; every random stream derives from it
 * @param trialTimeoutSeconds a trial running longer than this fails with status timeout
 * @param pruner the pruner plugin that may stop trials between folds, and its options; none
 *     when absent
 * @param function instead of {@code data} and {@code estimator}: the objective function that
 *     scores each trial (a plugin's {@code ObjectiveFunction}, or one given in code)
 * @param direction for a function run, {@code minimize} (default) or {@code maximize}; an
 *     estimator's metrics know their own direction
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ExperimentSpec(String experiment, String description, Data data,
    Estimator estimator, Strategy strategy, LinkedHashMap<String, JsonNode> space, Long trials,
    Integer folds, List<String> metrics, String objective, Long seed,
    Double trialTimeoutSeconds, Pruner pruner, Function function, String direction) {

  /**
   * Training and test files and what to learn from them.
   *
   * @param target the target column; the last column when absent, as in Weka
   * @param task {@code classification} or {@code regression}; inferred from the target when
   *     absent
   * @param positive the positive class of a two-class target (for precision, recall, F1 and
   *     ROC AUC); the second class when absent
   * @param format the file format ({@code csv}, {@code arff}, ...); by file suffix when absent
   */
  @JsonInclude(JsonInclude.Include.NON_NULL)
  public record Data(String train, String test, String target, String task, String positive,
      String format) {

    /** These data with {@code train} and {@code test} as the files. */
    public Data withFiles(String newTrain, String newTest) {
      return new Data(newTrain, newTest, target, task, positive, format);
    }
  }

  /** The estimator plugin and the parameters every trial shares. */
  @JsonInclude(JsonInclude.Include.NON_NULL)
  public record Estimator(String name, Map<String, Object> params) {
  }

  /** The strategy plugin and its options. */
  @JsonInclude(JsonInclude.Include.NON_NULL)
  public record Strategy(String name, Map<String, Object> options) {
  }

  /** This spec with {@code newMetrics} and {@code newObjective}, once the task decided them. */
  public ExperimentSpec withMetrics(List<String> newMetrics, String newObjective) {
    return new ExperimentSpec(experiment, description, data, estimator, strategy, space, trials,
        folds, newMetrics, newObjective, seed, trialTimeoutSeconds, pruner, function, direction);
  }

  /**
   * The objective function of a run without data.
   *
   * @param name the objective's name: a plugin's {@code ObjectiveFunction}, or one given in code
   * @param params the parameters every trial shares
   * @param steps how many intermediate values a trial reports at most (what a pruner sees as
   *     folds); 1 when absent
   */
  @JsonInclude(JsonInclude.Include.NON_NULL)
  public record Function(String name, Map<String, Object> params, Integer steps) {
  }

  /** Whether this spec scores an objective function rather than an estimator on data. */
  @com.fasterxml.jackson.annotation.JsonIgnore
  public boolean isFunction() {
    return function != null;
  }

  /** Whether higher scores are better: for a function run, its {@code direction}. */
  @com.fasterxml.jackson.annotation.JsonIgnore
  public boolean maximizes() {
    return "maximize".equals(direction);
  }

  /** The pruner plugin and its options. */
  @JsonInclude(JsonInclude.Include.NON_NULL)
  public record Pruner(String name, Map<String, Object> options) {
  }

  /** This spec with {@code seed} as its seed. */
  public ExperimentSpec withSeed(long newSeed) {
    return new ExperimentSpec(experiment, description, data, estimator, strategy, space, trials,
        folds, metrics, objective, newSeed, trialTimeoutSeconds, pruner, function, direction);
  }
}
