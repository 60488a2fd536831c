package dev.trialbase.store;

/**
 * A run's full provenance, as stored when it started, plus how it ended.
 *
 * @param task {@code classification} or {@code regression}, or {@link #FUNCTION} for a run
 *     that scored an objective function (no data: empty training path and digest)
 * @param target the target column, null for runs stored before targets were recorded
 * @param classLabels the class labels in declared order; empty for regression and for runs
 *     stored before labels were recorded
 * @param positiveClass the positive class of a two-class run, else null
 */
public record RunDetail(RunView summary, int folds, Long plannedTrials, String specJson,
    String specPath, String trainPath, String trainSha256, String testPath, String testSha256,
    String pluginsJson, String trialbaseVersion, String jvm, String os, String host, Long pid,
    String heartbeatAt, String error, String task, String target,
    java.util.List<String> classLabels, String positiveClass) {

  /** The task of a run that scored an objective function rather than an estimator on data. */
  public static final String FUNCTION = "function";

  /** Whether the run scored an objective function. */
  public boolean isFunction() {
    return FUNCTION.equals(task);
  }
}
