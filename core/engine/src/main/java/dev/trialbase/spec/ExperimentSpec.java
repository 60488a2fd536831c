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
 * @param data where the training (and optional test) CSV is, and the target column
 * @param estimator the estimator plugin's name and fixed parameters shared by every trial
 * @param strategy the strategy plugin's name and its options
 * @param space each searched parameter: a list of choices, or an object with a {@code type}
 * @param trials the most trials to run; required for unbounded strategies such as random
 * @param folds the number of stratified cross-validation folds (default 5)
 * @param metrics the metrics to score each fold with (default all)
 * @param objective the metric that ranks trials (default accuracy)
 * @param seed the run seed; every random stream derives from it
 * @param trialTimeoutSeconds a trial running longer than this fails with status timeout
 * @param pruner the pruner plugin that may stop trials between folds, and its options; none
 *     when absent
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ExperimentSpec(String experiment, String description, Data data,
    Estimator estimator, Strategy strategy, LinkedHashMap<String, JsonNode> space, Long trials,
    Integer folds, List<String> metrics, String objective, Long seed,
    Double trialTimeoutSeconds, Pruner pruner) {

  /** Training and test files and the class column. */
  @JsonInclude(JsonInclude.Include.NON_NULL)
  public record Data(String train, String test, String target) {
  }

  /** The estimator plugin and the parameters every trial shares. */
  @JsonInclude(JsonInclude.Include.NON_NULL)
  public record Estimator(String name, Map<String, Object> params) {
  }

  /** The strategy plugin and its options. */
  @JsonInclude(JsonInclude.Include.NON_NULL)
  public record Strategy(String name, Map<String, Object> options) {
  }

  /** The pruner plugin and its options. */
  @JsonInclude(JsonInclude.Include.NON_NULL)
  public record Pruner(String name, Map<String, Object> options) {
  }

  /** This spec with {@code seed} as its seed. */
  public ExperimentSpec withSeed(long newSeed) {
    return new ExperimentSpec(experiment, description, data, estimator, strategy, space, trials,
        folds, metrics, objective, newSeed, trialTimeoutSeconds, pruner);
  }
}
