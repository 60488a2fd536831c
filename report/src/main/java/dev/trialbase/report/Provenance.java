package dev.trialbase.report;

import com.fasterxml.jackson.databind.JsonNode;
import dev.trialbase.store.RunDetail;
import dev.trialbase.store.RunView;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A run's header as label/value rows, in reading order: what ran (spec file, strategy,
 * estimator, plugins and versions), on what (data and SHA-256s), how (seed, folds, objective),
 * when (start, end, wall time, trial time) and how it went (status and counts). The page prints
 * these rows as they come, so a new field is one line here.
 */
final class Provenance {


  private Provenance() {
  }

  static Map<String, Object> of(RunDetail run, Map<String, Long> statusCounts,
      double trialMillis) {
    RunView s = run.summary();
    Map<String, Object> h = new LinkedHashMap<>();
    h.put("experiment", s.experiment());
    h.put("status", s.status() + (run.error() == null ? "" : ": " + run.error()));
    h.put("spec file", run.specPath());
    h.put("strategy", s.strategy());
    h.put("estimator", s.estimator());
    h.put("plugins", plugins(run.pluginsJson()));
    h.put("seed", s.seed());
    h.put("folds", run.folds());
    h.put("objective", s.objective() + (s.maximize() ? " (maximised)" : " (minimised)"));
    h.put("task", run.task());
    if (run.target() != null) {
      h.put("target", run.target());
    }
    if (!run.classLabels().isEmpty()) {
      h.put("class labels", String.join(", ", run.classLabels()));
    }
    if (run.positiveClass() != null) {
      h.put("positive class", run.positiveClass());
    }
    if (!run.isFunction()) {   // a function run reads no data
      h.put("training data", run.trainPath());
      h.put("training SHA-256", run.trainSha256());
    }
    if (run.testPath() != null) {
      h.put("test data", run.testPath());
      h.put("test SHA-256", run.testSha256());
    }
    h.put("trials", statusCounts);
    if (run.plannedTrials() != null) {
      h.put("planned trials", run.plannedTrials());
    }
    h.put("started", s.startedAt());
    h.put("ended", s.endedAt() == null ? "(not ended)" : s.endedAt());
    Double seconds = s.seconds();
    if (seconds != null) {
      h.put("wall time", String.format(java.util.Locale.ROOT, "%.1f s", seconds));
    }
    h.put("trial time (sum)", String.format(java.util.Locale.ROOT, "%.1f s", trialMillis / 1000));
    h.put("trialbase", run.trialbaseVersion());
    h.put("jvm", run.jvm());
    h.put("os", run.os());
    h.put("host", run.host());
    return h;
  }

  /** "role: name (plugin id version)" for each plugin the run used. */
  private static List<String> plugins(String pluginsJson) {
    List<String> out = new ArrayList<>();
    try {
      for (JsonNode p : ReportJson.MAPPER.readTree(pluginsJson)) {
        out.add(p.path("role").asText() + ": " + p.path("name").asText() + " (plugin "
            + p.path("plugin").asText() + " " + p.path("version").asText() + ")");
      }
    } catch (Exception e) {
      out.add(pluginsJson);
    }
    return out;
  }
}
