package dev.trialbase.engine;

import dev.trialbase.api.Dataset;
import dev.trialbase.api.Task;
import dev.trialbase.eval.Metric;
import dev.trialbase.spec.ExperimentSpec;
import dev.trialbase.spec.SpecException;
import java.util.ArrayList;
import java.util.List;

/**
 * What a run scores and ranks by, decided once its training data is read: the metrics (the
 * spec's, or the task's defaults), the objective, and the positive class of a two-class
 * target. A metric that does not fit the task is a spec error.
 *
 * @param metrics every metric scored per fold, the objective among them
 * @param objective the metric that ranks trials
 * @param positiveClass the index of the positive class for two-class metrics; -1 otherwise
 */
record RunMetrics(List<Metric> metrics, Metric objective, int positiveClass) {

  /**
   * The metrics, objective and positive class for {@code spec} on {@code train}. The data
   * reader has already checked {@code data.positive} against the classes.
   */
  static RunMetrics resolve(ExperimentSpec spec, Dataset train) {
    Task task = train.task();
    int classes = task == Task.CLASSIFICATION ? train.classCount() : 0;
    Metric objective = spec.objective() != null ? Metric.byId(spec.objective())
        : Metric.defaultObjective(task);
    List<Metric> metrics = new ArrayList<>(spec.metrics() != null
        ? spec.metrics().stream().map(Metric::byId).toList() : Metric.defaults(task, classes));
    if (!metrics.contains(objective)) {
      metrics.add(0, objective);
    }
    for (Metric m : metrics) {
      m.unfitFor(task, classes).ifPresent(why -> {
        String key = m == objective && spec.objective() != null ? "objective" : "metrics";
        throw new SpecException("'" + key + "': " + why + " (target '"
            + train.target().name() + "'); its default metrics: " + String.join(", ",
            Metric.defaults(task, classes).stream().map(Metric::id).toList()));
      });
    }
    int positive = -1;
    if (task == Task.CLASSIFICATION && classes == 2) {
      positive = spec.data().positive() == null ? 1
          : train.classLabels().indexOf(spec.data().positive());
    }
    return new RunMetrics(List.copyOf(metrics), objective, positive);
  }

  /** The metric ids, in order, as stored in the spec of the run. */
  public List<String> ids() {
    return metrics.stream().map(Metric::id).toList();
  }
}
